/**
 * The runner service: `runRunner` is the process (bin/sketchreel-runner.mjs, `sketchreel runner`);
 * the rest is what cross-package tests and embedders use to run a service in-process.
 */
export {
  ConfigError,
  loadPipelineConfig,
  loadRunnerConfig,
  type PipelineConfig,
  type RunnerConfig,
  type S3Config,
} from "./config.js";
export { RUNNER_USAGE, runRunner } from "./main.js";
export { type LoadedPipeline, loadPipeline } from "./service/load-pipeline.js";
export { createLogger, type Logger } from "./service/logger.js";
export { OUTPUT_NAMES, outputKey } from "./service/output-keys.js";
export type { JobOutcome } from "./service/run-job.js";
export { type RunnerService, type RunnerServiceOptions, startRunnerService } from "./service/runner-service.js";
export { createObjectStore, type ObjectStore, StorageError } from "./storage/index.js";
