import { describe, expect, it } from "vitest";
import { loadReferenceClips, loadV2ReferenceClips } from "./reference-fixture.js";
import { renderFrames } from "./render.js";
import { BACKGROUND, PALETTE } from "./vocabulary.js";

/** Largest difference of any channel of any pixel. */
const worstDifference = (a: Uint8Array, b: Uint8Array) => {
  let worst = a.length === b.length ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
};

describe("renderFrames", () => {
  it("matches the training renderer pixel for pixel (±1 rounding)", () => {
    for (const clip of loadReferenceClips().filter((c) => c.name === "clean")) {
      const video = renderFrames(clip.objects, 64);
      expect(video.frames).toHaveLength(clip.frames.length);
      video.frames.forEach((frame, f) => {
        expect(worstDifference(frame, clip.frames[f] as Uint8Array)).toBeLessThanOrEqual(1);
      });
    }
  });

  // Golden: render.py's render_objects (coverage_wh), sizes in shorter sides, x by width, y by height.
  it("matches the training renderer on any width × height (64², 128², 128×72, 256×144, 256²)", () => {
    const clips = loadV2ReferenceClips().filter((c) => c.name === "clean");
    expect(new Set(clips.map((c) => `${c.width}x${c.height}`))).toEqual(
      new Set(["64x64", "128x128", "128x72", "256x144", "256x256"]),
    );
    for (const clip of clips) {
      const video = renderFrames(clip.objects, { width: clip.width, height: clip.height });
      expect([video.width, video.height]).toEqual([clip.width, clip.height]);
      expect(video.frames).toHaveLength(clip.frames.length);
      video.frames.forEach((frame, f) => {
        expect(worstDifference(frame, clip.frames[f] as Uint8Array)).toBeLessThanOrEqual(1);
      });
    }
  });

  it("keeps a ball round on 16:9: as many pixels wide as tall", () => {
    const { frames } = renderFrames([{ color: "red", shape: "ball", size: 0.2, centers: [[0.5, 0.5]] }], {
      width: 256,
      height: 144,
    });
    const frame = frames[0] as Uint8Array;
    const red = (x: number, y: number) => frame[(y * 256 + x) * 3] === PALETTE.red[0];
    const span = (hits: boolean[]) => hits.filter(Boolean).length;
    const across = span(Array.from({ length: 256 }, (_, x) => red(x, 72)));
    const down = span(Array.from({ length: 144 }, (_, y) => red(128, y)));
    expect(across).toBe(down);
    expect(across).toBeGreaterThanOrEqual(30); // 1.1 × 0.2 × 144 ≈ 31.7 px
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
