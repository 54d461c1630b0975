import { describe, expect, it } from "vitest";
import { loadReferenceClips } from "./reference-fixture.js";
import { renderFrames } from "./render.js";
import { BACKGROUND, PALETTE } from "./vocabulary.js";

describe("renderFrames", () => {
  it("matches the training renderer pixel for pixel (±1 rounding)", () => {
    for (const clip of loadReferenceClips().filter((c) => c.name === "clean")) {
      const video = renderFrames(clip.objects, 64);
      expect(video.frames).toHaveLength(clip.frames.length);
      video.frames.forEach((frame, f) => {
        const expected = clip.frames[f] as Uint8Array;
        let worst = 0;
        for (let i = 0; i < frame.length; i++) worst = Math.max(worst, Math.abs((frame[i] ?? 0) - (expected[i] ?? 0)));
        expect(worst).toBeLessThanOrEqual(1);
      });
    }
  });

  it("paints the exact palette inside, the background outside and mixes only at edges", () => {
    const { frames } = renderFrames([{ color: "blue", shape: "square", size: 0.2, centers: [[0.5, 0.5]] }], 64);
    const frame = frames[0] as Uint8Array;
    const at = (x: number, y: number) => Array.from(frame.subarray((y * 64 + x) * 3, (y * 64 + x) * 3 + 3));
    expect(at(32, 32)).toEqual([...PALETTE.blue]);
    expect(at(2, 2)).toEqual([...BACKGROUND]);
    const mixed = new Set<string>();
    for (let p = 0; p < 64 * 64; p++) mixed.add(at(p % 64, Math.floor(p / 64)).join());
    expect(mixed.size).toBeGreaterThan(2); // anti-aliased edge pixels exist
  });

  it("leaves a frame empty where an object's center is null", () => {
    const { frames } = renderFrames([{ color: "red", shape: "ball", size: 0.2, centers: [[0.5, 0.5], null] }], 32);
    expect(frames[1]?.every((v, i) => v === BACKGROUND[i % 3])).toBe(true);
    expect(frames[0]?.every((v, i) => v === BACKGROUND[i % 3])).toBe(false);
  });
});
