import type { Tensor } from "./tensor.js";

/** One input or output of a graph: a dimension is a number (fixed) or a name (dynamic, e.g. "batch"). */
export interface ValueInfo {
  name: string;
  type: string;
  dims: ReadonlyArray<number | string>;
}

/** A loaded graph. The pipeline never sees which runtime runs it. */
export interface InferenceSession {
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  run(feeds: Record<string, Tensor>): Promise<Record<string, Tensor>>;
  dispose(): Promise<void>;
}

/** Builds sessions from model files; `src/onnx` (`@sketchreel/pipeline/onnx`) implements it with onnxruntime-node. */
export interface InferenceBackend {
  /** e.g. "onnxruntime-node 1.30.0 (cpu)" — for logs and `--json` output. */
  readonly description: string;
  /** Loads the graphs, in parallel where the runtime allows. `component` names each in errors and logs. */
  loadSessions(graphs: Record<string, string>): Promise<Record<string, InferenceSession>>;
}

/** True when the first dimension of every input is dynamic, so cond + uncond can share one run. */
export function acceptsDynamicBatch(session: InferenceSession): boolean {
  return session.inputs.every((input) => typeof input.dims[0] === "string");
}
