import type { ModelGraphs } from "../graphs.js";
import type { Tensor } from "../tensor.js";
import { float32Tensor, int64Tensor, repeatRows } from "../tensor.js";
import type { TextConditioning } from "./condition.js";
import { applyGuidance } from "./guidance.js";

/** What the transformer is conditioned on at every step: the (conditioned) text states, and more. */
export interface Conditioning extends TextConditioning {
  guidanceScale: number;
  /** K values for the transformer's optional `layout_noise` input (only when it declares it): one row per batch item, the same in each. */
  layoutNoise?: Float32Array | undefined;
}

/**
 * The guided denoiser for one request: returns `velocity(latents, timestep)`, the guided flow
 * velocity for the [1, C, F, h, w] `latents`, for each step. Classifier-free guidance runs cond and
 * uncond in one batch of 2 when the graph takes a dynamic batch, else two runs; a guidance scale of
 * 1 skips the unconditional pass. What does not change between steps (the text rows of the batch,
 * the layout noise) is built once here.
 */
export function guidedDenoiser(
  graphs: ModelGraphs,
  shape: readonly number[],
  { cond, uncond, guidanceScale, layoutNoise }: Conditioning,
): (latents: Float32Array, timestep: number) => Promise<Float32Array> {
  const batched = guidanceScale !== 1 && graphs.batches("transformer");
  /** The feeds every step of a batch size shares: the text rows, and the layout noise if the graph takes it. */
  const fixed = (batch: number, text: Float32Array): Record<string, Tensor> => ({
    encoder_hidden_states: float32Tensor(text, [batch, ...cond.dims]),
    ...(layoutNoise ? { layout_noise: repeatRows(layoutNoise, batch) } : {}),
  });
  const condOnly = fixed(1, cond.data);
  const uncondOnly = fixed(1, uncond.data);
  const pair = batched ? fixed(2, concat(cond.data, uncond.data)) : undefined;
  const run = (batch: number, x: Float32Array, timestep: number, feeds: Record<string, Tensor>) =>
    graphs.run("transformer", {
      hidden_states: float32Tensor(x, [batch, ...shape.slice(1)]),
      timestep: timestepTensor(graphs, timestep, batch),
      ...feeds,
    });
  return async (latents, timestep) => {
    if (guidanceScale === 1) return (await run(1, latents, timestep, condOnly)).data as Float32Array;
    if (pair) {
      const n = latents.length;
      const v = (await run(2, concat(latents, latents), timestep, pair)).data as Float32Array;
      return applyGuidance(v.subarray(0, n), v.subarray(n), guidanceScale);
    }
    const vCond = (await run(1, latents, timestep, condOnly)).data as Float32Array;
    const vUncond = (await run(1, latents, timestep, uncondOnly)).data as Float32Array;
    return applyGuidance(vCond, vUncond, guidanceScale);
  };
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** FORMAT.md feeds float32 sigma × 1000; some real exports take int64 (diffusers truncates). */
function timestepTensor(graphs: ModelGraphs, timestep: number, batch: number): Tensor {
  if (graphs.inputType("transformer", "timestep") === "int64") {
    return int64Tensor(new BigInt64Array(batch).fill(BigInt(Math.trunc(timestep))), [batch]);
  }
  return float32Tensor(new Float32Array(batch).fill(timestep), [batch]);
}
