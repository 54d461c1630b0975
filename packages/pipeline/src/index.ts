export type { InferenceBackend, InferenceSession, ValueInfo } from "./backend.js";
export { acceptsDynamicBatch } from "./backend.js";
export { AbortError, BackendError, InvalidParamsError, ModelPackageError, PipelineError } from "./errors.js";
export type { VideoFrames } from "./frames.js";
export { loadModelPackage, type ModelPackage } from "./model-package/load-model-package.js";
export {
  createPipeline,
  type GenerateResult,
  Pipeline,
  type PipelineOptions,
  type Progress,
  type RunOptions,
  type StageTimings,
} from "./pipeline.js";
export { seededNormal } from "./random/seeded-noise.js";
export { createScheduler } from "./schedulers/create-scheduler.js";
export { FlowMatchEulerScheduler } from "./schedulers/flow-match-euler.js";
export { flowSigmas } from "./schedulers/flow-sigmas.js";
export type { Scheduler, SchedulerName } from "./schedulers/scheduler.js";
export { UniPcMultistepScheduler } from "./schedulers/unipc-multistep.js";
export type { GenerateRequest, ResolvedRequest } from "./stages/check-inputs.js";
export type { Float32Tensor, Tensor } from "./tensor.js";
export { TextEmbeddingCache } from "./text/text-embedding-cache.js";
export { TextTokenizer } from "./text/tokenizer.js";
