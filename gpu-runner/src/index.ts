export type { Command } from "./cli/command.js";
export * from "./dev/index.js";
export {
  createPipeline,
  type GenerateOptions,
  type GenerateOutput,
  type GenerateToFilesResult,
  generate,
  ModelNotFoundError,
  outputFormatFor,
  type RunnerPipeline,
  type RunnerPipelineOptions,
} from "./generation/index.js";
export {
  type Device,
  type GraphOptimizationLevel,
  OnnxBackend,
  type OnnxBackendOptions,
  SUPPORTED_DEVICES,
  UnsupportedDeviceError,
} from "./onnx/index.js";
