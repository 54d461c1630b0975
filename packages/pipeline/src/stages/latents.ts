import type { ModelGraphs } from "../graphs.js";
import type { ModelIndex } from "../model-package/schema.js";
import { LAYOUT_NOISE_STREAM, seededNormal } from "../random/seeded-noise.js";

export interface ClipSize {
  width: number;
  height: number;
  num_frames: number;
}

/** [1, C, F, h, w] for a clip, from the package's latent rules (MODEL-PACKAGE.md `latent`). */
export function latentShape(model: ModelIndex, size: ClipSize) {
  const { channels, temporal_compression: t, temporal_rule } = model.latent;
  const frames = temporal_rule === "causal" ? (size.num_frames - 1) / t + 1 : size.num_frames / t;
  const [h, w] = latentGrid(model.latent, size);
  return [1, channels, frames, h, w] as const;
}

/**
 * The latent [h, w] of a width × height frame. "compress" (default): both sides divided by
 * `spatial_compression`. "grid": one grid per aspect ratio — the shorter side gets `grid_short_side`
 * cells, the longer side round(grid_short_side × long / short) (8 → 64×64 and 256×256: 8×8;
 * 256×144: h 8, w 14); the decoder upsamples it to the asked size.
 */
export function latentGrid(latent: ModelIndex["latent"], { width, height }: Omit<ClipSize, "num_frames">) {
  if (latent.spatial_rule !== "grid") {
    return [height / latent.spatial_compression, width / latent.spatial_compression] as const;
  }
  const g = latent.grid_short_side!;
  const cells = (side: number, other: number) => (side <= other ? g : Math.round((g * side) / other));
  return [cells(height, width), cells(width, height)] as const;
}

/** Stage 4: the initial latents, pure noise from the seed (σ = 1 needs no scaling on the flow path). */
export function prepareLatents(seed: number, shape: readonly number[]): Float32Array {
  return seededNormal(
    seed,
    shape.reduce((a, b) => a * b, 1),
  );
}

/**
 * Stage 4, for a conditioner or transformer that declares `layout_noise` [B, K]: K standard normals
 * from the seed on stream 1 (`LAYOUT_NOISE_STREAM`, independent of the latents' stream 0); undefined
 * when neither graph declares it. (Should both declare it, they get the same values; K is the conditioner's.)
 */
export function prepareLayoutNoise(seed: number, graphs: ModelGraphs): Float32Array | undefined {
  const k = (graphs.inputDims("conditioner", "layout_noise") ?? graphs.inputDims("transformer", "layout_noise"))?.[1];
  return typeof k === "number" ? seededNormal(seed, k, LAYOUT_NOISE_STREAM) : undefined;
}
