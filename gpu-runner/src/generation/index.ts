export {
  createPipeline,
  ModelNotFoundError,
  type RunnerPipeline,
  type RunnerPipelineOptions,
} from "./create-pipeline.js";
export { type GenerateOptions, type GenerateOutput, type GenerateToFilesResult, generate } from "./generate.js";
export { outputFormatFor, UnsupportedOutputError } from "./output-target.js";
