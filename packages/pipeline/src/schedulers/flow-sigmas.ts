import type { FlowSchedulerOptions } from "./scheduler.js";

/**
 * The flow-matching noise schedule: `steps` sigmas evenly spaced from 1 down to 1/N (N =
 * num_train_timesteps), each shifted by σ′ = s·σ / (1 + (s − 1)·σ), then a final 0.
 * Computed in float64, stored as float32 — as diffusers' UniPC with `use_flow_sigmas`.
 */
export function flowSigmas(steps: number, { shift, numTrainTimesteps }: FlowSchedulerOptions): Float32Array {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be an integer >= 1, got ${steps}`);
  const sigmas = new Float32Array(steps + 1);
  const spacing = (1 / numTrainTimesteps - 1) / steps;
  for (let i = 0; i < steps; i++) {
    const sigma = i * spacing + 1;
    sigmas[i] = (shift * sigma) / (1 + (shift - 1) * sigma);
  }
  sigmas[steps] = 0;
  return sigmas;
}

/** Timesteps the denoiser sees: sigma × num_train_timesteps, as float32. */
export function sigmasToTimesteps(sigmas: Float32Array, numTrainTimesteps: number): Float32Array {
  return Float32Array.from(sigmas.subarray(0, sigmas.length - 1), (sigma) => sigma * numTrainTimesteps);
}
