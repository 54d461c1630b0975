import type { SchedulerConfig } from "../model-package/schema.js";
import { FlowMatchEulerScheduler } from "./flow-match-euler.js";
import type { Scheduler, SchedulerName } from "./scheduler.js";
import { UniPcMultistepScheduler } from "./unipc-multistep.js";

/**
 * The scheduler a run asks for, configured from `scheduler/scheduler_config.json`: both share its
 * `flow_shift` (or `shift`) and `num_train_timesteps`; UniPC also reads its solver settings.
 */
export function createScheduler(name: SchedulerName, config: SchedulerConfig): Scheduler {
  const flow = { shift: config.flow_shift ?? config.shift ?? 1, numTrainTimesteps: config.num_train_timesteps };
  switch (name) {
    case "euler":
      return new FlowMatchEulerScheduler(flow);
    case "unipc":
      if (config.solver_type !== "bh2")
        throw new RangeError(`solver_type ${config.solver_type} is not supported (bh2)`);
      return new UniPcMultistepScheduler({
        ...flow,
        solverOrder: config.solver_order,
        lowerOrderFinal: config.lower_order_final,
      });
  }
}
