import { loadOnnxPipeline } from "@sketchreel/pipeline/onnx";
import type { PipelineConfig } from "../config.js";
import type { Logger } from "./logger.js";
import type { JobPipeline } from "./pipeline-port.js";

export interface LoadedPipeline {
  pipeline: JobPipeline;
  /** `model_index.json` → `model_id`: the runner leases only jobs for this model. */
  modelId: string;
  modelVersion: string;
  /** `limits.max_job_seconds` in ms, when the package declares it. */
  maxJobMs: number | undefined;
  dispose(): Promise<void>;
}

/**
 * Loads the model package on the configured device (sessions built once) and warms every graph up,
 * so the first leased job does not pay for it. Throws `ModelNotFoundError` when MODEL_DIR holds no package.
 */
export async function loadPipeline(config: PipelineConfig, log: Logger): Promise<LoadedPipeline> {
  const started = performance.now();
  const loaded = await loadOnnxPipeline({
    modelDir: config.modelDir,
    device: config.device,
    threads: config.threads,
    warmUp: true,
    log: ({ level, msg, ...fields }) => {
      const lvl = level === "warn" || level === "error" || level === "debug" ? level : "info";
      log[lvl](String(msg ?? "onnx"), fields);
    },
  });
  const modelId = loaded.pipeline.model.index.model_id;
  log.info("model loaded", {
    model: modelId,
    model_version: loaded.pipeline.model.index.model_version,
    model_dir: loaded.modelDir,
    backend: loaded.backend.description,
    load_ms: Math.round(performance.now() - started),
  });
  const modelVersion = loaded.pipeline.model.index.model_version;
  const maxJobSeconds = loaded.pipeline.model.index.limits?.max_job_seconds;
  const maxJobMs = maxJobSeconds === undefined ? undefined : maxJobSeconds * 1000;
  return { pipeline: loaded.pipeline, modelId, modelVersion, maxJobMs, dispose: loaded.dispose };
}
