import { flowSigmas, sigmasToTimesteps } from "./flow-sigmas.js";
import { expectTimestep, type FlowSchedulerOptions, type Scheduler } from "./scheduler.js";

export interface UniPcOptions extends FlowSchedulerOptions {
  /** Multistep order; the predictor uses this many previous x0 predictions (2 in practice). */
  solverOrder: number;
  /** Drops to first order on the final steps, which stabilises few-step sampling. */
  lowerOrderFinal: boolean;
}

/**
 * UniPC multistep predictor-corrector (Zhao et al. 2023) for flow-prediction models, following the
 * semantics of diffusers' `UniPCMultistepScheduler` with `use_flow_sigmas`, `predict_x0`,
 * `solver_type="bh2"` (B(h) = e^{−h} − 1) and `final_sigmas_type="zero"`.
 *
 * On the flow path α = 1 − σ, so λ = log(α/σ). Each step turns the velocity into an x0 prediction
 * (x0 = x − σ·v), corrects the current sample with it (UniC, using the previous step's state) and
 * predicts the next sample from the last `order` x0 predictions (UniP). Scalars are float64.
 */
export class UniPcMultistepScheduler implements Scheduler {
  readonly name = "unipc";
  sigmas: Float32Array = new Float32Array();
  timesteps: Float32Array = new Float32Array();
  private stepIndex = 0;
  private modelOutputs: Float32Array[] = [];
  private lastSample: Float32Array | undefined;
  private lowerOrderNums = 0;
  private thisOrder = 1;

  constructor(private readonly options: UniPcOptions) {
    if (options.solverOrder < 1 || options.solverOrder > 2) {
      throw new RangeError(`solver_order must be 1 or 2, got ${options.solverOrder}`);
    }
  }

  setTimesteps(numInferenceSteps: number): void {
    const sigmas = flowSigmas(numInferenceSteps, this.options);
    // As diffusers: nudge σ₀ = 1 below 1 so log(α₀) stays finite (computed in float64, stored float32).
    if (Math.abs(sigmas[0]! - 1) < 1e-6) sigmas[0] = sigmas[0]! - 1e-6;
    this.sigmas = sigmas;
    this.timesteps = sigmasToTimesteps(sigmas, this.options.numTrainTimesteps);
    this.stepIndex = 0;
    this.modelOutputs = [];
    this.lastSample = undefined;
    this.lowerOrderNums = 0;
    this.thisOrder = 1;
  }

  step(modelOutput: Float32Array, timestep: number, sample: Float32Array): Float32Array {
    expectTimestep(this.timesteps, this.stepIndex, timestep);
    const i = this.stepIndex;
    const sigma = this.sigmas[i]!;
    const x0 = new Float32Array(sample.length);
    for (let j = 0; j < sample.length; j++) x0[j] = sample[j]! - sigma * modelOutput[j]!;

    const corrected = i > 0 && this.lastSample ? this.correct(x0, this.thisOrder) : sample;
    this.modelOutputs = [...this.modelOutputs, x0].slice(-this.options.solverOrder);
    const remaining = this.timesteps.length - i;
    const order = this.options.lowerOrderFinal
      ? Math.min(this.options.solverOrder, remaining)
      : this.options.solverOrder;
    this.thisOrder = Math.min(order, this.lowerOrderNums + 1);
    this.lastSample = corrected;
    const next = this.predict(corrected, this.thisOrder);
    this.lowerOrderNums = Math.min(this.lowerOrderNums + 1, this.options.solverOrder);
    this.stepIndex++;
    return next;
  }

  /** UniP: from the sample at σ[i] to σ[i+1]. */
  private predict(x: Float32Array, order: number): Float32Array {
    const i = this.stepIndex;
    const { s0, t, h, lambdaS0 } = this.interval(i, i + 1);
    const m0 = this.modelOutputs.at(-1)!;
    const { hPhi1, bH } = coefficients(h);
    const alphaT = 1 - t;
    const a = t / s0;
    const b = alphaT * hPhi1;
    const out = new Float32Array(x.length);
    if (order === 2) {
      const rk = (logSnr(this.sigmas[i - 1]!) - lambdaS0) / h;
      const m1 = this.modelOutputs.at(-2)!;
      const c = (alphaT * bH * 0.5) / rk; // ρ = 1/2 for second order; D1 = (m1 − m0) / r
      for (let j = 0; j < x.length; j++) out[j] = a * x[j]! - b * m0[j]! - c * (m1[j]! - m0[j]!);
    } else {
      for (let j = 0; j < x.length; j++) out[j] = a * x[j]! - b * m0[j]!;
    }
    return out;
  }

  /** UniC: re-does the previous step from `lastSample` with the new x0 prediction `modelT`. */
  private correct(modelT: Float32Array, order: number): Float32Array {
    const i = this.stepIndex;
    const x = this.lastSample!;
    const { s0, t, h, lambdaS0 } = this.interval(i - 1, i);
    const m0 = this.modelOutputs.at(-1)!;
    const { hPhi1, bH, b1, b2 } = coefficients(h);
    const alphaT = 1 - t;
    const a = t / s0;
    const b = alphaT * hPhi1;
    const out = new Float32Array(x.length);
    if (order === 2) {
      // Solve [[1, 1], [r, 1]]·ρ = [b1, b2] for the corrector weights.
      const rk = (logSnr(this.sigmas[i - 2]!) - lambdaS0) / h;
      const rho0 = (b1 - b2) / (1 - rk);
      const rho1 = b1 - rho0;
      const m1 = this.modelOutputs.at(-2)!;
      const cD = (alphaT * bH * rho0) / rk;
      const cT = alphaT * bH * rho1;
      for (let j = 0; j < x.length; j++) {
        out[j] = a * x[j]! - b * m0[j]! - (cT * (modelT[j]! - m0[j]!) + cD * (m1[j]! - m0[j]!));
      }
    } else {
      const cT = alphaT * bH * 0.5;
      for (let j = 0; j < x.length; j++) out[j] = a * x[j]! - b * m0[j]! - cT * (modelT[j]! - m0[j]!);
    }
    return out;
  }

  private interval(from: number, to: number) {
    const s0 = this.sigmas[from]!;
    const t = this.sigmas[to]!;
    const lambdaS0 = logSnr(s0);
    return { s0, t, lambdaS0, h: logSnr(t) - lambdaS0 };
  }
}

/** λ(σ) = log(1 − σ) − log(σ): +∞ at σ = 0, −∞ at σ = 1. */
function logSnr(sigma: number): number {
  if (sigma <= 0) return Number.POSITIVE_INFINITY;
  if (sigma >= 1) return Number.NEGATIVE_INFINITY;
  return Math.log(1 - sigma) - Math.log(sigma);
}

/** h·φ₁(−h), B(h) (bh2) and the first two entries of UniPC's b vector for step size h. */
function coefficients(h: number) {
  const hh = -h;
  const hPhi1 = Math.expm1(hh);
  const bH = Math.expm1(hh);
  let hPhiK = hPhi1 / hh - 1;
  const b1 = hPhiK / bH;
  hPhiK = hPhiK / hh - 1 / 2;
  const b2 = (hPhiK * 2) / bH;
  return { hPhi1, bH, b1, b2 };
}
