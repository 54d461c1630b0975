import type { InferenceSession } from "onnxruntime-node";
import type { Device } from "./devices.js";

export const GRAPH_OPTIMIZATION_LEVELS = ["disabled", "basic", "extended", "all"] as const;
export type GraphOptimizationLevel = (typeof GRAPH_OPTIMIZATION_LEVELS)[number];

export interface SessionTuning {
  /** Threads for one operator; 0 lets onnxruntime use every core. */
  threads: number;
  graphOptimization: GraphOptimizationLevel;
  /**
   * Let idle intra-op threads spin-wait for the next operator. Off by default: a pipeline holds three
   * sessions, each with its own pool, and spinning pools steal the cores the running graph needs.
   */
  spinWait: boolean;
}

/** onnxruntime session options for a device: sequential execution, one intra-op pool per session. */
export function sessionOptions(device: Device, tuning: SessionTuning): InferenceSession.SessionOptions {
  return {
    executionProviders: device === "cuda" ? ["cuda"] : ["cpu"],
    graphOptimizationLevel: tuning.graphOptimization,
    executionMode: "sequential",
    intraOpNumThreads: tuning.threads,
    interOpNumThreads: 1,
    enableCpuMemArena: true,
    enableMemPattern: true,
    logSeverityLevel: 3,
    extra: { session: { intra_op: { allow_spinning: tuning.spinWait ? "1" : "0" } } },
  };
}
