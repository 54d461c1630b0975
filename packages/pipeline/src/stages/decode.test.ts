import { describe, expect, it } from "vitest";
import { denormalizeLatents, toVideoFrames } from "./decode.js";

describe("denormalizeLatents", () => {
  it("applies z = x·std + mean per channel", () => {
    const z = denormalizeLatents(Float32Array.of(1, 2, 1, 2), 2, [0.5, -1], [2, 3]);
    expect(Array.from(z)).toEqual([2.5, 4.5, 2, 5]);
  });
});

describe("toVideoFrames", () => {
  it("turns [1, 3, F, H, W] planes in [-1, 1] into interleaved RGB24 frames, clamped", () => {
    // 2 frames of 1×2 pixels; channel-major like the decoder's output.
    const r = [-1, 1, 0, 2];
    const g = [1, -1, -2, 0];
    const b = [0, 0, 1, -1];
    const video = toVideoFrames(Float32Array.from([...r, ...g, ...b]), [1, 3, 2, 1, 2], 8);
    expect(video).toMatchObject({ width: 2, height: 1, fps: 8 });
    expect(Array.from(video.frames[0]!)).toEqual([0, 255, 128, 255, 0, 128]);
    expect(Array.from(video.frames[1]!)).toEqual([128, 0, 255, 255, 128, 0]);
  });
});
