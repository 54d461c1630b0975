import { access } from "node:fs/promises";
import { join } from "node:path";
import { createPipeline as createCorePipeline, type Pipeline, type TextEmbeddingCache } from "@sketchreel/pipeline";
import { DEFAULT_MODEL_DIR } from "../config.js";
import { type GraphOptimizationLevel, OnnxBackend } from "../onnx/index.js";

export interface RunnerPipelineOptions {
  /** A model package directory; default: the embedded gpu-runner/models/shape-world-tiny. */
  modelDir?: string;
  /** "cpu" (default) or "cuda". */
  device?: string;
  /** Intra-op threads; 0 = all cores. */
  threads?: number;
  graphOptimization?: GraphOptimizationLevel;
  /** Run every graph once before returning (the runner service does; the CLI need not). */
  warmUp?: boolean;
  embeddingCache?: TextEmbeddingCache;
  log?: (event: Record<string, unknown>) => void;
}

export interface RunnerPipeline {
  pipeline: Pipeline;
  backend: OnnxBackend;
  modelDir: string;
  dispose(): Promise<void>;
}

/** There is no model package where one was expected. */
export class ModelNotFoundError extends Error {
  override readonly name = "ModelNotFoundError";
  constructor(readonly modelDir: string) {
    super(
      modelDir === DEFAULT_MODEL_DIR
        ? `the embedded model is not there yet (${modelDir}/model_index.json is missing): pass --model DIR (or MODEL_DIR) with a model package`
        : `no model package at ${modelDir} (model_index.json is missing): --model must name a directory laid out as gpu-runner/models/FORMAT.md`,
    );
  }
}

/**
 * The one way the runner service, the CLI, `sketchreel eval` and benchmarks build a pipeline:
 * a model package on onnxruntime-node, sessions built once, optionally warmed up.
 */
export async function createPipeline(options: RunnerPipelineOptions = {}): Promise<RunnerPipeline> {
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  const backend = OnnxBackend.create({
    device: options.device ?? "cpu",
    threads: options.threads ?? 0,
    ...(options.graphOptimization ? { graphOptimization: options.graphOptimization } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    await access(join(modelDir, "model_index.json"));
  } catch {
    throw new ModelNotFoundError(modelDir);
  }
  const pipeline = await createCorePipeline({
    backend,
    modelDir,
    ...(options.embeddingCache ? { embeddingCache: options.embeddingCache } : {}),
  });
  if (options.warmUp) await pipeline.warmUp();
  return { pipeline, backend, modelDir, dispose: () => pipeline.dispose() };
}
