/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: gpu-runner/models/<id>/model_index.json (@sketchreel/models), read through the contract's
 * ModelCapabilities. Regenerate with `npm run generate` at the repo root.
 */
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code

import type { ModelCapabilities } from "@sketchreel/contract";

/** The model a request without `model` gets. */
export const DEFAULT_MODEL_ID = "shape-world-tiny";

/** The served models by id. Bump a package's `model_version` to invalidate its cached results. */
export const MODELS: Record<string, ModelCapabilities> = {
  "shape-world-tiny": {
    "model_id": "shape-world-tiny",
    "model_version": "2.1.0",
    "defaults": {
      "negative_prompt": "",
      "width": 64,
      "height": 64,
      "num_frames": 16,
      "fps": 8,
      "num_inference_steps": 20,
      "guidance_scale": 2,
      "scheduler": "unipc"
    },
    "limits": {
      "sizes": [
        [
          64,
          64
        ]
      ],
      "min_size": 64,
      "max_size": 64,
      "size_multiple": 16,
      "min_frames": 16,
      "max_frames": 16,
      "frames_multiple": 4,
      "max_steps": 100
    },
    "latent": {
      "spatial_compression": 8,
      "temporal_compression": 1,
      "temporal_rule": "divide"
    },
    "vocabulary": "shape-world"
  }
};
