import { access } from "node:fs/promises";
import { join } from "node:path";
import { createPipeline, type Pipeline } from "../pipeline.js";
import type { TextEmbeddingCache } from "../text/text-embedding-cache.js";
import { OnnxBackend } from "./onnx-backend.js";
import type { GraphOptimizationLevel } from "./session-options.js";

export interface OnnxPipelineOptions {
  /** A model package directory (MODEL-PACKAGE.md). */
  modelDir: string;
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

export interface OnnxPipeline {
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
      `no model package at ${modelDir} (model_index.json is missing): pass a directory laid out as packages/pipeline/MODEL-PACKAGE.md describes`,
    );
  }
}

/**
 * The one way the runner service, the CLI, `sketchreel eval` and benchmarks build a pipeline:
 * a model package on onnxruntime-node, sessions built once, optionally warmed up.
 */
export async function loadOnnxPipeline(options: OnnxPipelineOptions): Promise<OnnxPipeline> {
  const { modelDir } = options;
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
  const pipeline = await createPipeline({
    backend,
    modelDir,
    ...(options.embeddingCache ? { embeddingCache: options.embeddingCache } : {}),
  });
  if (options.warmUp) await pipeline.warmUp();
  return { pipeline, backend, modelDir, dispose: () => pipeline.dispose() };
}
