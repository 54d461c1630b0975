import { describe, expect, it } from "vitest";
import { upscaleFactor, upscaleFrame } from "./frames.js";

describe("upscaleFactor", () => {
  it("picks the smallest integer factor that brings the short side to the minimum", () => {
    expect(upscaleFactor(64, 64, 256)).toBe(4);
    expect(upscaleFactor(96, 64, 256)).toBe(4);
    expect(upscaleFactor(48, 80, 256)).toBe(6);
    expect(upscaleFactor(1280, 704, 256)).toBe(1);
  });
});

describe("upscaleFrame", () => {
  it("turns every pixel into a k×k block (nearest neighbour)", () => {
    // 2×1 image: red, green → 4×2
    const src = Uint8Array.of(255, 0, 0, 0, 255, 0);
    const out = upscaleFrame(src, 2, 1, 2);
    const R = [255, 0, 0];
    const G = [0, 255, 0];
    expect([...out]).toEqual([...R, ...R, ...G, ...G, ...R, ...R, ...G, ...G]);
  });
});
