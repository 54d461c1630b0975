import { createRequire } from "node:module";
import type { VideoFrames } from "@sketchreel/pipeline";
import { upscaleFactor, upscaleFrame } from "./frames.js";

type Palette = number[][];
interface GifStream {
  writeFrame(
    index: Uint8Array,
    width: number,
    height: number,
    opts: { palette?: Palette; delay?: number; repeat?: number },
  ): void;
  finish(): void;
  bytes(): Uint8Array;
}
/** The subset of gifenc 1.0.3's API used here (it ships no typings). */
interface Gifenc {
  GIFEncoder(): GifStream;
  quantize(rgba: Uint8Array, maxColors: number, options?: { format?: "rgb565" | "rgb444" }): Palette;
  applyPalette(rgba: Uint8Array, palette: Palette, format?: "rgb565" | "rgb444"): Uint8Array;
}
// gifenc's CommonJS build exposes every function by name; its ESM build only a default export.
const gifenc = createRequire(import.meta.url)("gifenc") as Gifenc;

function toRgba(rgb: Uint8Array): Uint8Array {
  const rgba = new Uint8Array((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i]!;
    rgba[j + 1] = rgb[i + 1]!;
    rgba[j + 2] = rgb[i + 2]!;
    rgba[j + 3] = 255;
  }
  return rgba;
}

/**
 * Animated GIF that loops forever. One global 256-colour palette is quantized from all frames at
 * native size (an even sample of at most `PALETTE_SAMPLE_PIXELS` pixels for large clips); indices are mapped at native size and then upscaled (identical to mapping upscaled
 * pixels, k² times cheaper).
 */
export function encodeGif(video: VideoFrames, minSize: number): { data: Uint8Array; width: number; height: number } {
  const { width, height, fps } = video;
  const palette = gifenc.quantize(paletteSample(video.frames), 256);
  const factor = upscaleFactor(width, height, minSize);
  const outWidth = width * factor;
  const outHeight = height * factor;
  const gif = gifenc.GIFEncoder();
  const delay = Math.round(1000 / fps);
  video.frames.forEach((rgb, i) => {
    // One frame at a time in RGBA: peak memory stays at one frame, not the clip.
    const index = upscaleIndices(gifenc.applyPalette(toRgba(rgb), palette), width, height, factor);
    gif.writeFrame(index, outWidth, outHeight, i === 0 ? { palette, delay, repeat: 0 } : { delay });
  });
  gif.finish();
  return { data: gif.bytes(), width: outWidth, height: outHeight };
}

const PALETTE_SAMPLE_PIXELS = 1 << 20;

/** Every frame's pixels as RGBA, or an evenly strided sample of them when the clip is large. */
function paletteSample(rgbFrames: Uint8Array[]): Uint8Array {
  const total = rgbFrames.reduce((n, f) => n + f.length / 3, 0);
  const stride = Math.max(1, Math.ceil(total / PALETTE_SAMPLE_PIXELS));
  const out = new Uint8Array(Math.ceil(total / stride) * 4);
  let o = 0;
  let i = 0;
  for (const frame of rgbFrames) {
    for (let p = 0; p < frame.length; p += 3, i++) {
      if (i % stride !== 0) continue;
      out[o] = frame[p]!;
      out[o + 1] = frame[p + 1]!;
      out[o + 2] = frame[p + 2]!;
      out[o + 3] = 255;
      o += 4;
    }
  }
  return out.subarray(0, o);
}

function upscaleIndices(index: Uint8Array, width: number, height: number, factor: number): Uint8Array {
  if (factor === 1) return index;
  // Reuse the RGB upscaler on a 1-byte-per-pixel image by packing each index as an RGB triple.
  const triples = new Uint8Array(index.length * 3);
  for (let i = 0; i < index.length; i++) triples[i * 3] = index[i]!;
  const scaled = upscaleFrame(triples, width, height, factor);
  const out = new Uint8Array(scaled.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = scaled[i * 3]!;
  return out;
}
