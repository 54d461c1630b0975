export { type Device, parseDevice, SUPPORTED_DEVICES, UnsupportedDeviceError } from "./devices.js";
export { measureGemmCeiling } from "./gemm-ceiling.js";
export {
  loadOnnxPipeline,
  ModelNotFoundError,
  type OnnxPipeline,
  type OnnxPipelineOptions,
} from "./load-onnx-pipeline.js";
export { OnnxBackend, type OnnxBackendOptions } from "./onnx-backend.js";
export { GRAPH_OPTIMIZATION_LEVELS, type GraphOptimizationLevel } from "./session-options.js";
