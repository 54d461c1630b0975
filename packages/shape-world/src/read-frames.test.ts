import { describe, expect, it } from "vitest";
import { expectedArea, MIN_BLOB_FRACTION, readFrame, SceneRead } from "./read-frames.js";
import { loadReferenceClips, loadV2ReferenceClips } from "./reference-fixture.js";
import { renderFrames } from "./render.js";

describe("readFrame", () => {
  // Golden: the training reader's read-back (shapeworld/reader.py) of frames drawn by the training
  // renderer at 64² (v1's render_probs) and 64², 128², 128×72, 256×144 and 256² (render_objects),
  // clean and noisy with a stray blob.
  it("reads the same blobs as the training reader", () => {
    const clips = [...loadReferenceClips().map((c) => ({ ...c, width: 64, height: 64 })), ...loadV2ReferenceClips()];
    expect(clips.some((c) => c.name === "noisy")).toBe(true);
    for (const clip of clips) {
      clip.frames.forEach((frame, f) => {
        const read = readFrame(frame, clip.width, clip.height);
        const expected = clip.reads[f];
        expect([read.width, read.height]).toEqual([clip.width, clip.height]);
        expect(Object.keys(read.blobs)).toEqual(Object.keys(expected?.blobs ?? {}));
        for (const [color, blobs] of Object.entries(expected?.blobs ?? {})) {
          const got = read.blobs[color as keyof typeof read.blobs] ?? [];
          expect(got.map((b) => [b.area, b.shape])).toEqual(blobs.map((b) => [b.area, b.shape]));
          blobs.forEach((b, i) => {
            expect(got[i]?.x).toBeCloseTo(b.x, 12);
            expect(got[i]?.y).toBeCloseTo(b.y, 12);
            expect(got[i]?.fill).toBeCloseTo(b.fill, 12);
          });
        }
      });
    }
  });

  it("reads each shape back from its fill, at 64² and on 16:9", () => {
    for (const canvas of [
      { width: 64, height: 64 },
      { width: 256, height: 144 },
    ]) {
      for (const shape of ["ball", "square", "triangle"] as const) {
        const { frames } = renderFrames([{ color: "white", shape, size: 1 / 7, centers: [[0.3, 0.6]] }], canvas);
        const [blob, ...others] = readFrame(frames[0] as Uint8Array, canvas.width, canvas.height).blobs.white ?? [];
        expect(others).toEqual([]);
        expect(blob?.shape).toBe(shape);
        expect(blob?.x).toBeCloseTo(0.3, 1);
        expect(blob?.y).toBeCloseTo(0.6, 1);
        // the formulas of WORLD-V2.md "Expected size" are what the renderer draws (edge pixels mixed with the background: ≥ 0.78× at 64², ≥ 0.88× at 256×144)
        expect(blob?.area).toBeGreaterThan(0.75 * expectedArea(shape, 1 / 7, canvas.height));
        expect(blob?.area).toBeLessThan(1.05 * expectedArea(shape, 1 / 7, canvas.height));
      }
    }
  });

  it("keeps every blob of a colour, largest first", () => {
    const { frames } = renderFrames(
      [
        { color: "red", shape: "square", size: 0.1, centers: [[0.25, 0.25]] },
        { color: "red", shape: "square", size: 0.2, centers: [[0.7, 0.7]] },
      ],
      64,
    );
    const blobs = readFrame(frames[0] as Uint8Array, 64, 64).blobs.red ?? [];
    expect(blobs.map((b) => [Number(b.x.toFixed(2)), Number(b.y.toFixed(2))])).toEqual([
      [0.7, 0.7],
      [0.25, 0.25],
    ]);
  });

  it("ignores colors far from every palette entry and blobs below any scene's smallest object", () => {
    const frame = new Uint8Array(64 * 64 * 3).fill(128); // grey: > 60 from every palette color
    const floor = Math.ceil(MIN_BLOB_FRACTION * 64 * 64); // 19 px
    for (let x = 0; x < floor - 1; x++) frame.set([220, 40, 40], (10 * 64 + x) * 3); // a red line one pixel short
    expect(readFrame(frame, 64, 64)).toEqual({ width: 64, height: 64, blobs: {} });
    frame.set([220, 40, 40], (10 * 64 + floor - 1) * 3);
    expect(readFrame(frame, 64, 64).blobs.red?.[0]?.area).toBe(floor);
  });
});

describe("SceneRead", () => {
  const still = (x: number, y: number) => [[x, y] as const];
  const read = (objects: Parameters<typeof renderFrames>[0]) => {
    const { frames } = renderFrames(objects, { width: 256, height: 144 });
    return [readFrame(frames[0] as Uint8Array, 256, 144)];
  };

  it("tracks a group as the mean of its members and a single as its largest object", () => {
    const reads = read([
      { color: "blue", shape: "ball", size: 1 / 7, centers: still(0.3, 0.3) },
      { color: "blue", shape: "ball", size: 1 / 7, centers: still(0.5, 0.5) },
      { color: "blue", shape: "ball", size: 1 / 7, centers: still(0.7, 0.4) },
      { color: "red", shape: "ball", size: 1 / 7, centers: still(0.8, 0.8) },
      { color: "red", shape: "ball", size: 0.11, centers: still(0.2, 0.8) }, // 0.6× the expected area: an object
    ]);
    const scene = new SceneRead(reads, [
      { color: "blue", shape: "ball", count: 3 },
      { color: "red", shape: "ball" },
    ]);
    expect(scene.members(0, "blue")).toHaveLength(3);
    expect(scene.position(0, "blue")?.map((v) => Number(v.toFixed(2)))).toEqual([0.5, 0.4]);
    expect(scene.members(0, "red")).toHaveLength(2);
    expect(scene.position(0, "red")?.map((v) => Number(v.toFixed(2)))).toEqual([0.8, 0.8]);
    // pixels per shorter side: x stretches by 256/144 on 16:9
    expect(scene.units(0, [0.5, 0.5]).map((v) => Number(v.toFixed(4)))).toEqual([0.8889, 0.5]);
  });

  it("has no group position where a member is missing, and drops blobs under 40 % of the expected area", () => {
    const reads = read([
      { color: "blue", shape: "ball", size: 1 / 7, centers: still(0.3, 0.3) },
      { color: "blue", shape: "ball", size: 1 / 7, centers: still(0.5, 0.5) },
      { color: "blue", shape: "ball", size: 0.08, centers: still(0.7, 0.4) }, // 0.31× the expected area
    ]);
    const scene = new SceneRead(reads, [{ color: "blue", shape: "ball", count: 3 }]);
    expect(reads[0]?.blobs.blue).toHaveLength(3);
    expect(scene.members(0, "blue")).toHaveLength(2);
    expect(scene.position(0, "blue")).toBeUndefined();
  });
});
