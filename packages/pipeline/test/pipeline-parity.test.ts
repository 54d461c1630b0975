import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOnnxPipeline, type OnnxPipeline } from "../src/onnx/index.js";
import {
  CONDITIONER_MODEL_DIR,
  CONDITIONER_REFERENCE_DIR,
  GRID_LAYOUT_MODEL_DIR,
  GRID_LAYOUT_REFERENCE_DIR,
  readFloat32,
  readUint8,
  referenceCases,
  referenceParams,
  relativeL2,
  TINY_MODEL_DIR,
  WAN_SHAPED_MODEL_DIR,
  WAN_SHAPED_REFERENCE_DIR,
} from "./helpers/reference.js";

// The runner (TypeScript pipeline on onnxruntime-node) against the PyTorch reference on the same weights.
const runners = new Map<string, OnnxPipeline>();
beforeAll(async () => {
  runners.set(TINY_MODEL_DIR, await loadOnnxPipeline({ modelDir: TINY_MODEL_DIR, threads: 1 }));
  runners.set(WAN_SHAPED_MODEL_DIR, await loadOnnxPipeline({ modelDir: WAN_SHAPED_MODEL_DIR, threads: 1 }));
  runners.set(GRID_LAYOUT_MODEL_DIR, await loadOnnxPipeline({ modelDir: GRID_LAYOUT_MODEL_DIR, threads: 1 }));
  runners.set(CONDITIONER_MODEL_DIR, await loadOnnxPipeline({ modelDir: CONDITIONER_MODEL_DIR, threads: 1 }));
});
afterAll(() => Promise.all([...runners.values()].map((r) => r.dispose())));

const cases = [
  ...referenceCases().map((c) => ({ ...c, model: TINY_MODEL_DIR })),
  ...referenceCases(WAN_SHAPED_REFERENCE_DIR).map((c) => ({ ...c, model: WAN_SHAPED_MODEL_DIR })),
  ...referenceCases(GRID_LAYOUT_REFERENCE_DIR).map((c) => ({ ...c, model: GRID_LAYOUT_MODEL_DIR })),
  ...referenceCases(CONDITIONER_REFERENCE_DIR).map((c) => ({ ...c, model: CONDITIONER_MODEL_DIR })),
];

describe.each(cases)("parity with the PyTorch reference: $name", (ref) => {
  it(`latents after every step and the decoded frames match (rel-L2 ≤ 1e-4)`, async () => {
    const latents: Float32Array[] = [];
    const result = await runners
      .get(ref.model)!
      .pipeline.run(referenceParams(ref), { onLatents: (_, x) => latents.push(x) });
    expect(latents).toHaveLength(ref.steps);
    const errors = latents.map((x, i) => relativeL2(x, readFloat32(ref, ref.tensors.latents[i]!)));
    for (const e of errors) expect(e).toBeLessThanOrEqual(1e-4);

    expect(result.video.frames).toHaveLength(ref.frames);
    expect(result.video.width).toBe(ref.width);
    expect(result.video.height).toBe(ref.height);
    if (!ref.tensors.frames) return; // a case whose frames are too big to commit checks latents and sizes only
    const expected = readUint8(ref, ref.tensors.frames);
    const actual = Buffer.concat(result.video.frames);
    expect(relativeL2(actual, expected)).toBeLessThanOrEqual(1e-4);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    expect(worst).toBeLessThanOrEqual(1);
  });
});
