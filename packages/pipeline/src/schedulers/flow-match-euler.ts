import { flowSigmas, sigmasToTimesteps } from "./flow-sigmas.js";
import { expectTimestep, type FlowSchedulerOptions, type Scheduler } from "./scheduler.js";

/** First-order flow-matching Euler: x ← x + (σ_next − σ)·v. */
export class FlowMatchEulerScheduler implements Scheduler {
  readonly name = "euler";
  sigmas: Float32Array = new Float32Array();
  timesteps: Float32Array = new Float32Array();
  private stepIndex = 0;

  constructor(private readonly options: FlowSchedulerOptions) {}

  setTimesteps(numInferenceSteps: number): void {
    this.sigmas = flowSigmas(numInferenceSteps, this.options);
    this.timesteps = sigmasToTimesteps(this.sigmas, this.options.numTrainTimesteps);
    this.stepIndex = 0;
  }

  step(modelOutput: Float32Array, timestep: number, sample: Float32Array): Float32Array {
    expectTimestep(this.timesteps, this.stepIndex, timestep);
    const dt = this.sigmas[this.stepIndex + 1]! - this.sigmas[this.stepIndex]!;
    const next = new Float32Array(sample.length);
    for (let j = 0; j < sample.length; j++) next[j] = sample[j]! + dt * modelOutput[j]!;
    this.stepIndex++;
    return next;
  }
}
