import { BackendError } from "../errors.js";
import type { VideoFrames } from "../frames.js";
import type { ModelGraphs } from "../graphs.js";
import { float32Tensor, int64Tensor, type Tensor } from "../tensor.js";

/** Undoes the latent normalisation per channel: z = x·std + mean, for a [1, C, …] tensor. */
export function denormalizeLatents(
  latents: Float32Array,
  channels: number,
  mean: number[],
  std: number[],
): Float32Array {
  const out = new Float32Array(latents.length);
  const perChannel = latents.length / channels;
  for (let c = 0; c < channels; c++) {
    const m = mean[c]!;
    const s = std[c]!;
    for (let j = c * perChannel; j < (c + 1) * perChannel; j++) out[j] = latents[j]! * s + m;
  }
  return out;
}

/**
 * Stage 6: decodes de-normalised latents `z` of `shape` to [1, 3, F, H, W] frames. A decoder that
 * declares `output_size` gets [height, width] of the request. The output must have the request's
 * frame count and size (else `BackendError`: the pipeline never returns a clip of another format).
 */
export async function decodeLatents(
  graphs: ModelGraphs,
  z: Float32Array,
  shape: readonly number[],
  clip: { width: number; height: number; num_frames: number },
): Promise<Tensor> {
  const { width, height, num_frames } = clip;
  const outputSize = int64Tensor(BigInt64Array.of(BigInt(height), BigInt(width)), [2]);
  const decoded = await graphs.run("vae_decoder", {
    latent_sample: float32Tensor(z, shape),
    ...(graphs.hasInput("vae_decoder", "output_size") ? { output_size: outputSize } : {}),
  });
  const [, , frames, h, w] = decoded.dims;
  if (frames !== num_frames || h !== height || w !== width) {
    const hint = graphs.hasInput("vae_decoder", "output_size")
      ? ""
      : " (a decoder that draws several sizes from one latent grid needs the output_size input)";
    const detail = `returned ${frames} frames of ${w}x${h} for ${num_frames} frames of ${width}x${height}${hint}`;
    throw new BackendError("vae_decoder", new Error(detail));
  }
  return decoded;
}

/**
 * Stage 7: the decoder's [1, 3, F, H, W] output in [−1, 1] → RGB24 frames,
 * each value round(clamp((x + 1) / 2, 0, 1) · 255).
 */
export function toVideoFrames(decoded: Float32Array, dims: readonly number[], fps: number): VideoFrames {
  const [, channels, frameCount, height, width] = dims as [number, number, number, number, number];
  if (channels !== 3) throw new RangeError(`decoder output must have 3 channels, got dims [${dims}]`);
  const plane = height * width;
  const frames: Uint8Array[] = [];
  for (let f = 0; f < frameCount; f++) {
    const rgb = new Uint8Array(plane * 3);
    for (let c = 0; c < 3; c++) {
      const base = (c * frameCount + f) * plane;
      for (let p = 0; p < plane; p++) {
        const v = (decoded[base + p]! + 1) / 2;
        rgb[p * 3 + c] = Math.round(Math.min(Math.max(v, 0), 1) * 255);
      }
    }
    frames.push(rgb);
  }
  return { width, height, fps, frames };
}
