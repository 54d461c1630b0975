import { describe, expect, it } from "vitest";
import { readFloat32, referenceCase } from "../../test/helpers/reference.js";
import { createScheduler } from "./create-scheduler.js";
import { FlowMatchEulerScheduler } from "./flow-match-euler.js";
import { flowSigmas } from "./flow-sigmas.js";
import type { Scheduler } from "./scheduler.js";
import { UniPcMultistepScheduler } from "./unipc-multistep.js";

const config = {
  num_train_timesteps: 1000,
  prediction_type: "flow_prediction",
  flow_shift: 3,
  solver_order: 2,
  solver_type: "bh2",
  lower_order_final: true,
  final_sigmas_type: "zero",
} as const;

describe("flowSigmas", () => {
  it("shifts σ by s·σ/(1+(s−1)·σ) and ends at 0", () => {
    const sigmas = flowSigmas(4, { shift: 3, numTrainTimesteps: 1000 });
    const plain = [1, 1 - 0.999 / 4, 1 - (2 * 0.999) / 4, 1 - (3 * 0.999) / 4];
    expect(Array.from(sigmas)).toEqual([...plain.map((s) => Math.fround((3 * s) / (1 + 2 * s))), 0]);
  });

  it.each(["euler", "unipc"] as const)("matches the reference schedule of the %s case", (name) => {
    const ref = referenceCase(name);
    const scheduler = createScheduler(name, config);
    scheduler.setTimesteps(ref.steps);
    expect(Array.from(scheduler.sigmas)).toEqual(Array.from(readFloat32(ref, ref.tensors.sigmas)));
    expect(scheduler.timesteps[0]).toBeCloseTo(name === "unipc" ? 999.999 : 1000, 2);
  });
});

// On the flow path x_σ = (1 − σ)·x0 + σ·n the exact velocity is v = n − x0 at every σ, so any
// consistent solver fed the exact velocity must land on x0.
function solveExactly(scheduler: Scheduler, x0: Float32Array, noise: Float32Array, steps: number) {
  scheduler.setTimesteps(steps);
  const v = noise.map((n, i) => n - x0[i]!);
  let x: Float32Array = noise.slice();
  for (const t of scheduler.timesteps) x = scheduler.step(v, t, x);
  return x;
}

describe.each([
  ["euler", () => new FlowMatchEulerScheduler({ shift: 3, numTrainTimesteps: 1000 })],
  [
    "unipc",
    () => new UniPcMultistepScheduler({ shift: 5, numTrainTimesteps: 1000, solverOrder: 2, lowerOrderFinal: true }),
  ],
] as const)("%s scheduler", (_, make) => {
  const x0 = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i));
  const noise = Float32Array.from({ length: 64 }, (_, i) => Math.cos(3 * i));

  it.each([1, 2, 5, 20])("recovers x0 from the exact velocity in %i steps", (steps) => {
    const x = solveExactly(make(), x0, noise, steps);
    for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(x0[i]!, 4);
  });

  it("refuses a timestep out of order and too many steps", () => {
    const scheduler = make();
    scheduler.setTimesteps(2);
    const x = new Float32Array(4);
    expect(() => scheduler.step(x, 1, x)).toThrow(/step 0 expects timestep/);
    scheduler.step(x, scheduler.timesteps[0]!, x);
    scheduler.step(x, scheduler.timesteps[1]!, x);
    expect(() => scheduler.step(x, 0, x)).toThrow(/called 3 times for 2 steps/);
  });
});

describe("UniPC vs Euler", () => {
  it("differ on a velocity field that changes with x (the multistep terms matter)", () => {
    const run = (scheduler: Scheduler) => {
      scheduler.setTimesteps(6);
      let x: Float32Array = Float32Array.from([1, -0.5, 0.25]);
      for (const t of scheduler.timesteps)
        x = scheduler.step(
          x.map((v) => Math.tanh(2 * v) + t / 1000),
          t,
          x,
        );
      return Array.from(x);
    };
    const euler = run(createScheduler("euler", config));
    const unipc = run(createScheduler("unipc", config));
    expect(Math.max(...euler.map((e, i) => Math.abs(e - unipc[i]!)))).toBeGreaterThan(1e-3);
  });
});
