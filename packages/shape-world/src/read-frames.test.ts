import { describe, expect, it } from "vitest";
import { readFrame } from "./read-frames.js";
import { loadReferenceClips } from "./reference-fixture.js";
import { renderFrames } from "./render.js";

describe("readFrame", () => {
  // Golden: the training reader's read-back of the same frames (clean and noisy with a stray blob).
  it("reads the same objects as the training reader", () => {
    for (const clip of loadReferenceClips()) {
      clip.frames.forEach((frame, f) => {
        const read = readFrame(frame, 64, 64);
        const expected = clip.reads[f] ?? {};
        expect(Object.keys(read).sort()).toEqual(Object.keys(expected).sort());
        for (const [color, object] of Object.entries(expected)) {
          const got = read[color as keyof typeof read];
          expect(got?.shape).toBe(object.shape);
          expect(got?.area).toBe(object.area);
          expect(got?.x).toBeCloseTo(object.x, 9);
          expect(got?.y).toBeCloseTo(object.y, 9);
          expect(got?.fill).toBeCloseTo(object.fill, 9);
        }
      });
    }
  });

  it("reads each shape back from its fill", () => {
    for (const shape of ["ball", "square", "triangle"] as const) {
      const { frames } = renderFrames([{ color: "white", shape, size: 0.2, centers: [[0.3, 0.6]] }], 64);
      const read = readFrame(frames[0] as Uint8Array, 64, 64);
      expect(read.white?.shape).toBe(shape);
      expect(read.white?.x).toBeCloseTo(0.3, 1);
      expect(read.white?.y).toBeCloseTo(0.6, 1);
    }
  });

  it("keeps the largest blob so a smaller fragment does not move the centroid", () => {
    const { frames } = renderFrames(
      [
        { color: "red", shape: "square", size: 0.2, centers: [[0.25, 0.25]] },
        { color: "red", shape: "square", size: 0.1, centers: [[0.8, 0.8]] },
      ],
      64,
    );
    const read = readFrame(frames[0] as Uint8Array, 64, 64);
    expect(read.red?.x).toBeCloseTo(0.25, 2);
    expect(read.red?.y).toBeCloseTo(0.25, 2);
  });

  it("ignores colors far from every palette entry and blobs below the minimum area", () => {
    const frame = new Uint8Array(64 * 64 * 3).fill(128); // grey: > 60 from every palette color
    for (let x = 0; x < 3; x++) frame.set([220, 40, 40], (10 * 64 + x) * 3); // 3 red pixels
    expect(readFrame(frame, 64, 64)).toEqual({});
  });
});
