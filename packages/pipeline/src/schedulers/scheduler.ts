/**
 * One interface for every sampler, after diffusers' schedulers: `setTimesteps` once per run, then one
 * `step` per denoising step with the model's output for `timesteps[i]`. Samples are flat float32
 * latents; the model output is the flow velocity v = noise − x0 (MODEL-PACKAGE.md).
 */
export interface Scheduler {
  readonly name: SchedulerName;
  /** Builds the schedule for `numInferenceSteps` steps and resets the solver state. */
  setTimesteps(numInferenceSteps: number): void;
  /** What the denoiser is fed at each step: sigma × num_train_timesteps. */
  readonly timesteps: Float32Array;
  /** Noise levels, one more than timesteps; the last is 0 (clean). */
  readonly sigmas: Float32Array;
  /** Advances `sample` from `timestep` to the next one; returns a new array. */
  step(modelOutput: Float32Array, timestep: number, sample: Float32Array): Float32Array;
}

export type SchedulerName = "euler" | "unipc";

/** Scheduler settings read from `scheduler/scheduler_config.json`. */
export interface FlowSchedulerOptions {
  /** σ′ = s·σ / (1 + (s − 1)·σ); 1 leaves the schedule linear. */
  shift: number;
  numTrainTimesteps: number;
}

/** Finds the step a timestep belongs to; a scheduler is driven in order, so this checks the caller. */
export function expectTimestep(timesteps: Float32Array, index: number, timestep: number): void {
  if (index >= timesteps.length) throw new RangeError(`step() called ${index + 1} times for ${timesteps.length} steps`);
  if (timesteps[index] !== Math.fround(timestep)) {
    throw new RangeError(`step ${index} expects timestep ${timesteps[index]}, got ${timestep}`);
  }
}
