import type { ModelIndex } from "../model-package/schema.js";
import { seededNormal } from "../random/seeded-noise.js";

/** [1, C, F, h, w] for a clip, from the package's latent rules (FORMAT.md `latent`). */
export function latentShape(model: ModelIndex, size: { width: number; height: number; num_frames: number }) {
  const { channels, spatial_compression: s, temporal_compression: t, temporal_rule } = model.latent;
  const frames = temporal_rule === "causal" ? (size.num_frames - 1) / t + 1 : size.num_frames / t;
  return [1, channels, frames, size.height / s, size.width / s] as const;
}

/** Stage 4: the initial latents, pure noise from the seed (σ = 1 needs no scaling on the flow path). */
export function prepareLatents(seed: number, shape: readonly number[]): Float32Array {
  return seededNormal(
    seed,
    shape.reduce((a, b) => a * b, 1),
  );
}
