import type { RgbFrames } from "./render.js";
import { BACKGROUND, COLORS, type Color, PALETTE, type Shape } from "./vocabulary.js";

/** One object read back from a frame: the largest 4-connected blob of its color. */
export interface ReadObject {
  /** Normalized centroid (x right, y down, pixel centers at (i + 0.5) / size). */
  x: number;
  y: number;
  /** Blob size in pixels. */
  area: number;
  /** Blob area / bounding-box area: ≈ 1 square, ≈ π/4 ball, ≈ 1/2 triangle. */
  fill: number;
  shape: Shape;
}
export type FrameRead = Partial<Record<Color, ReadObject>>;

/** Max RGB (Euclidean) distance from a pixel to the nearest palette color for it to count. */
export const COLOR_THRESHOLD = 60;
/** Smallest blob that counts as a visible object: 12 px at 64×64, scaled with the canvas area. */
export const MIN_AREA_FRACTION = 12 / 4096;

const CLASSES = [BACKGROUND, ...COLORS.map((c) => PALETTE[c])];
const UNCLASSIFIED = -1;

/** Shape from the blob's fill of its bounding box (thresholds between π/4 ≈ 0.785, 1 and 0.5). */
export function shapeFromFill(fill: number): Shape {
  if (fill >= 0.88) return "square";
  if (fill >= 0.64) return "ball";
  return "triangle";
}

/** Per pixel: 0 background, 1…7 the colors in `COLORS` order, −1 nothing within the threshold. */
export function classifyPixels(frame: Uint8Array, pixels: number): Int8Array {
  const labels = new Int8Array(pixels);
  const limit = COLOR_THRESHOLD * COLOR_THRESHOLD;
  for (let p = 0; p < pixels; p++) {
    const r = frame[p * 3] ?? 0;
    const g = frame[p * 3 + 1] ?? 0;
    const b = frame[p * 3 + 2] ?? 0;
    let best = UNCLASSIFIED;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let k = 0; k < CLASSES.length; k++) {
      const c = CLASSES[k] as readonly number[];
      const d = (r - (c[0] ?? 0)) ** 2 + (g - (c[1] ?? 0)) ** 2 + (b - (c[2] ?? 0)) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    labels[p] = bestDistance <= limit ? best : UNCLASSIFIED;
  }
  return labels;
}

interface Blob {
  area: number;
  sumX: number;
  sumY: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Reads every visible color's object from one frame. */
export function readFrame(frame: Uint8Array, width: number, height: number): FrameRead {
  const labels = classifyPixels(frame, width * height);
  const largest = largestBlobs(labels, width, height);
  const minArea = MIN_AREA_FRACTION * width * height;
  const read: FrameRead = {};
  COLORS.forEach((color, k) => {
    const blob = largest[k + 1];
    if (!blob || blob.area < minArea) return;
    const fill = blob.area / ((blob.maxX - blob.minX + 1) * (blob.maxY - blob.minY + 1));
    read[color] = {
      x: (blob.sumX / blob.area + 0.5) / width,
      y: (blob.sumY / blob.area + 0.5) / height,
      area: blob.area,
      fill,
      shape: shapeFromFill(fill),
    };
  });
  return read;
}

export function readFrames(video: RgbFrames): FrameRead[] {
  return video.frames.map((frame) => readFrame(frame, video.width, video.height));
}

/** Flood-fills 4-connected components of equal label; keeps the largest blob per label. */
function largestBlobs(labels: Int8Array, width: number, height: number): (Blob | undefined)[] {
  const seen = new Uint8Array(labels.length);
  const stack = new Int32Array(labels.length);
  const largest: (Blob | undefined)[] = [];
  for (let start = 0; start < labels.length; start++) {
    const label = labels[start] ?? UNCLASSIFIED;
    if (seen[start] || label <= 0) continue;
    const blob: Blob = { area: 0, sumX: 0, sumY: 0, minX: width, maxX: -1, minY: height, maxY: -1 };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const p = stack[--top] ?? 0;
      const x = p % width;
      const y = (p - x) / width;
      blob.area++;
      blob.sumX += x;
      blob.sumY += y;
      blob.minX = Math.min(blob.minX, x);
      blob.maxX = Math.max(blob.maxX, x);
      blob.minY = Math.min(blob.minY, y);
      blob.maxY = Math.max(blob.maxY, y);
      const push = (q: number) => {
        if (!seen[q] && labels[q] === label) {
          seen[q] = 1;
          stack[top++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
    if (blob.area > (largest[label]?.area ?? 0)) largest[label] = blob;
  }
  return largest;
}
