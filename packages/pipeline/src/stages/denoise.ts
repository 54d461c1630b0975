import type { ModelGraphs } from "../graphs.js";
import type { Tensor } from "../tensor.js";
import { float32Tensor, int64Tensor, repeatRows } from "../tensor.js";
import type { TextEmbedding } from "../text/text-embedding-cache.js";
import { applyGuidance } from "./guidance.js";

export interface Conditioning {
  cond: TextEmbedding;
  uncond: TextEmbedding;
  guidanceScale: number;
  /** K values for the transformer's optional `layout_noise` input (fed when it declares it): one row per batch item, the same in each. */
  layoutNoise?: Float32Array | undefined;
}

/**
 * One denoiser evaluation with classifier-free guidance: cond and uncond in one batch of 2 when the
 * graph takes a dynamic batch, else two runs; a guidance scale of 1 skips the unconditional pass.
 * Returns the guided flow velocity for the [1, C, F, h, w] `latents`.
 */
export async function predictVelocity(
  graphs: ModelGraphs,
  latents: Float32Array,
  shape: readonly number[],
  timestep: number,
  { cond, uncond, guidanceScale, layoutNoise }: Conditioning,
): Promise<Float32Array> {
  const noise = graphs.hasInput("transformer", "layout_noise") ? layoutNoise : undefined;
  const run = (batch: number, x: Float32Array, text: Float32Array) =>
    graphs.run("transformer", {
      hidden_states: float32Tensor(x, [batch, ...shape.slice(1)]),
      timestep: timestepTensor(graphs, timestep, batch),
      encoder_hidden_states: float32Tensor(text, [batch, ...cond.dims]),
      ...(noise ? { layout_noise: repeatRows(noise, batch) } : {}),
    });
  if (guidanceScale === 1) return (await run(1, latents, cond.data)).data as Float32Array;
  if (graphs.batches("transformer")) {
    const n = latents.length;
    const x = new Float32Array(2 * n);
    x.set(latents);
    x.set(latents, n);
    const text = new Float32Array(cond.data.length * 2);
    text.set(cond.data);
    text.set(uncond.data, cond.data.length);
    const v = (await run(2, x, text)).data as Float32Array;
    return applyGuidance(v.subarray(0, n), v.subarray(n), guidanceScale);
  }
  const vCond = (await run(1, latents, cond.data)).data as Float32Array;
  const vUncond = (await run(1, latents, uncond.data)).data as Float32Array;
  return applyGuidance(vCond, vUncond, guidanceScale);
}

/** FORMAT.md feeds float32 sigma × 1000; some real exports take int64 (diffusers truncates). */
function timestepTensor(graphs: ModelGraphs, timestep: number, batch: number): Tensor {
  if (graphs.inputType("transformer", "timestep") === "int64") {
    return int64Tensor(new BigInt64Array(batch).fill(BigInt(Math.trunc(timestep))), [batch]);
  }
  return float32Tensor(new Float32Array(batch).fill(timestep), [batch]);
}
