import type { Point, RgbFrames } from "./render.js";
import { objectSizeFor, objectTotal, type SceneObject } from "./scene.js";
import { BACKGROUND, COLORS, type Color, PALETTE, type Shape } from "./vocabulary.js";

/**
 * Reads blobs back from frames by colour (WORLD-V2.md "Reading objects"; twin:
 * training/shapeworld/reader.py). The reader knows no scene: it keeps every blob that could be an
 * object in some scene; `SceneRead` keeps those of at least 40 % of the expected area for the
 * scene being judged and tracks each named thing.
 */

/** One 4-connected blob of one colour. */
export interface ReadObject {
  /** Normalized centroid: x by width, y by height (x right, y down, pixel centers at (i + 0.5) / size). */
  x: number;
  y: number;
  /** Blob size in pixels. */
  area: number;
  /** Blob area / bounding-box area: ≈ 1 square, ≈ π/4 ball, ≈ 1/2 triangle. */
  fill: number;
  shape: Shape;
}

/** One frame read back: per colour every blob of at least `MIN_BLOB_FRACTION` of the shorter side squared, largest first. */
export interface FrameRead {
  width: number;
  height: number;
  blobs: Partial<Record<Color, ReadObject[]>>;
}

/** Max RGB (Euclidean) distance from a pixel to the nearest palette color for it to count. */
export const COLOR_THRESHOLD = 60;
/** An object's blob covers at least this fraction of the expected area. */
export const OBJECT_AREA_MIN = 0.4;
/** Bounding-box fill at or above which a blob reads as a square; as a ball at or above `BALL_FILL`; else a triangle. */
export const SQUARE_FILL = 0.87;
export const BALL_FILL = 0.66;

/** Pixels an object of `shape` covers when drawn at `size` (a fraction of the shorter side `short`, in pixels). */
export function expectedArea(shape: Shape, size: number, short: number): number {
  const d = size * short;
  switch (shape) {
    case "ball": {
      const r = 0.55 * d;
      return Math.PI * r * r;
    }
    case "square": {
      const h = 0.9 * d;
      return h * h;
    }
    case "triangle":
      return 0.5 * (1.1 * d) * d;
  }
}

/** The smallest object threshold of any scene (40 % of a triangle among six objects), per shorter side squared. */
export const MIN_BLOB_FRACTION = OBJECT_AREA_MIN * expectedArea("triangle", 1 / 7, 1);

const CLASSES = [BACKGROUND, ...COLORS.map((c) => PALETTE[c])];
const UNCLASSIFIED = -1;

export function shapeFromFill(fill: number): Shape {
  if (fill >= SQUARE_FILL) return "square";
  if (fill >= BALL_FILL) return "ball";
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

/** Reads every colour's blobs from one frame (RGB24, row-major). */
export function readFrame(frame: Uint8Array, width: number, height: number): FrameRead {
  const labels = classifyPixels(frame, width * height);
  const short = Math.min(width, height);
  const minArea = MIN_BLOB_FRACTION * short * short;
  const found = findBlobs(labels, width, height);
  const blobs: FrameRead["blobs"] = {};
  COLORS.forEach((color, k) => {
    const kept = (found[k + 1] ?? []).filter((b) => b.area >= minArea);
    if (!kept.length) return;
    // Largest first; equal areas stay in raster order of their first pixel (the sort is stable).
    blobs[color] = kept
      .sort((a, b) => b.area - a.area)
      .map((b) => {
        const fill = b.area / ((b.maxX - b.minX + 1) * (b.maxY - b.minY + 1));
        const x = (b.sumX / b.area + 0.5) / width;
        return { x, y: (b.sumY / b.area + 0.5) / height, area: b.area, fill, shape: shapeFromFill(fill) };
      });
  });
  return { width, height, blobs };
}

export function readFrames(video: RgbFrames): FrameRead[] {
  return video.frames.map((frame) => readFrame(frame, video.width, video.height));
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

/** Flood-fills the 4-connected components of equal label, per label in raster order of their first pixel. */
function findBlobs(labels: Int8Array, width: number, height: number): Blob[][] {
  const seen = new Uint8Array(labels.length);
  const stack = new Int32Array(labels.length);
  const blobs: Blob[][] = CLASSES.map(() => []);
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
    blobs[label]?.push(blob);
  }
  return blobs;
}

/**
 * The reads of one clip seen through one scene's objects (WORLD-V2.md "Reading objects"). A scene
 * names one thing per colour: a single (`count` 1) or a group (`count` 2–5). In each frame a
 * colour's *objects* are its blobs of at least 40 % of the expected area of its shape (an unnamed
 * colour: of a triangle, the smallest), at the object size of the scene's object total. A single's
 * position is its largest object; a group's is the mean of its members in the frames where exactly
 * `count` are read (members are matched across frames only as a set).
 */
export class SceneRead {
  readonly frames: number;
  readonly named: ReadonlyMap<Color, SceneObject>;
  private readonly size: number;
  private readonly objects: Partial<Record<Color, ReadObject[]>>[];

  constructor(
    readonly reads: readonly FrameRead[],
    sceneObjects: readonly SceneObject[],
  ) {
    this.frames = reads.length;
    this.named = new Map(sceneObjects.map((o) => [o.color, o]));
    this.size = objectSizeFor(objectTotal(sceneObjects));
    this.objects = reads.map((read, f) => {
      const out: Partial<Record<Color, ReadObject[]>> = {};
      for (const color of COLORS) {
        const floor = OBJECT_AREA_MIN * this.expected(f, color);
        const kept = (read.blobs[color] ?? []).filter((b) => b.area >= floor);
        if (kept.length) out[color] = kept;
      }
      return out;
    });
  }

  /** Pixels an object of `color` is expected to cover in frame `f`. */
  expected(f: number, color: Color): number {
    const read = this.reads[f] as FrameRead;
    return expectedArea(this.named.get(color)?.shape ?? "triangle", this.size, Math.min(read.width, read.height));
  }

  count(color: Color): number {
    return this.named.get(color)?.count ?? 1;
  }

  members(f: number, color: Color): readonly ReadObject[] {
    return this.objects[f]?.[color] ?? [];
  }

  /** Colours that form an object in frame `f`, in `COLORS` order. */
  colorsIn(f: number): Color[] {
    return COLORS.filter((c) => this.objects[f]?.[c] !== undefined);
  }

  /** The thing's normalized position in frame `f`, or undefined where it is not read. */
  position(f: number, color: Color): Point | undefined {
    const found = this.members(f, color);
    const count = this.count(color);
    if (count === 1) return found[0] && [found[0].x, found[0].y];
    if (found.length !== count) return undefined;
    return [found.reduce((s, b) => s + b.x, 0) / count, found.reduce((s, b) => s + b.y, 0) / count];
  }

  track(color: Color): (Point | undefined)[] {
    return this.reads.map((_, f) => this.position(f, color));
  }

  /** A normalized point in frame `f` in pixels per shorter side. */
  units(f: number, [x, y]: Point): Point {
    const { width, height } = this.reads[f] as FrameRead;
    const short = Math.min(width, height);
    return [(x * width) / short, (y * height) / short];
  }
}
