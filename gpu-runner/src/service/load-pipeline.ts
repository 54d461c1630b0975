import { createPipeline } from "@sketchreel/pipeline";
import type { PipelineConfig } from "../config.js";
import { OnnxBackend } from "../onnx/index.js";
import type { Logger } from "./logger.js";
import type { JobPipeline } from "./pipeline-port.js";

export interface LoadedPipeline {
  pipeline: JobPipeline;
  /** `model_index.json` → `model_id`: the runner leases only jobs for this model. */
  modelId: string;
  dispose(): Promise<void>;
}

/** Builds the ONNX backend for the configured device and loads the model package (sessions built once). */
export async function loadPipeline(config: PipelineConfig, log: Logger): Promise<LoadedPipeline> {
  const started = performance.now();
  const backend = OnnxBackend.create({
    device: config.device,
    threads: config.threads,
    log: ({ level, msg, ...fields }) => {
      const lvl = level === "warn" || level === "error" || level === "debug" ? level : "info";
      log[lvl](String(msg ?? "onnx"), fields);
    },
  });
  const pipeline = await createPipeline({ backend, modelDir: config.modelDir });
  const modelId = pipeline.model.index.model_id;
  log.info("model loaded", {
    model: modelId,
    model_dir: config.modelDir,
    backend: backend.description,
    load_ms: Math.round(performance.now() - started),
  });
  return { pipeline, modelId, dispose: () => pipeline.dispose() };
}
