import type { ResolvedParams } from "@sketchreel/contract";

/** What the edge knows about a model: the fields of its package's model_index.json it needs. */
export interface ModelEntry {
  model_id: string;
  model_version: string;
  defaults: Omit<ResolvedParams, "seed"> & { negative_prompt: string };
  limits: {
    sizes?: [number, number][];
    min_size: number;
    max_size: number;
    size_multiple: number;
    min_frames: number;
    max_frames: number;
    frames_multiple?: number;
    max_steps: number;
  };
  vocabulary?: string;
}

export const DEFAULT_MODEL_ID = "shape-world-tiny";

/**
 * The model catalog, mirroring gpu-runner/models/<id>/model_index.json (models.node.test.ts
 * checks it against the file once the package lands). Bump `model_version` with the package:
 * the version is part of every cache key, so a bump invalidates cached results.
 */
export const MODELS: Record<string, ModelEntry> = {
  "shape-world-tiny": {
    model_id: "shape-world-tiny",
    model_version: "2.1.0",
    defaults: {
      width: 64,
      height: 64,
      num_frames: 16,
      fps: 8,
      num_inference_steps: 20,
      guidance_scale: 2,
      negative_prompt: "",
      scheduler: "unipc",
    },
    limits: {
      sizes: [[64, 64]],
      min_size: 64,
      max_size: 64,
      size_multiple: 16,
      min_frames: 16,
      max_frames: 16,
      frames_multiple: 4,
      max_steps: 100,
    },
    vocabulary: "shape-world",
  },
};

export function findModel(id: string): ModelEntry | undefined {
  return Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
}
