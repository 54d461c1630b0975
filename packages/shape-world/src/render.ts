import { BACKGROUND, type Color, PALETTE, type Shape } from "./vocabulary.js";

/** RGB24 frames, row-major, top-left first (structurally the pipeline's `VideoFrames`). */
export interface RgbFrames {
  width: number;
  height: number;
  frames: Uint8Array[];
}

export type Point = readonly [number, number];

/** One object to draw: its normalized center per frame (`null` = not drawn in that frame). */
export interface RenderObject {
  color: Color;
  shape: Shape;
  /** Object scale as a fraction of the canvas's shorter side (the shape world uses 1/5 or 1/7). */
  size: number;
  centers: (Point | null)[];
}

const SUPERSAMPLE = 4;

/** A canvas of any width × height (world v2: 64², 128², 256², 256×144). */
export interface Canvas {
  width: number;
  height: number;
}

/**
 * Renders objects flat-shaded in the exact palette on the background, anti-aliased by 4×4
 * supersampling (edge pixels are coverage-weighted mixes). Later objects paint over earlier ones.
 * The geometry matches the training renderer (training/shapeworld/render.py): a number is a square
 * canvas's side (render.py's `coverage`, as v1 drew), a `Canvas` any width × height in pixel units
 * (render.py's `coverage_wh`), x normalized by width and y by height, sizes in shorter sides, so
 * shapes stay round and square on 16:9.
 */
export function renderFrames(objects: readonly RenderObject[], canvas: number | Canvas = 64): RgbFrames {
  const { width, height } = typeof canvas === "number" ? { width: canvas, height: canvas } : canvas;
  const count = Math.max(0, ...objects.map((o) => o.centers.length));
  const background = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) background.set(BACKGROUND, i * 3);
  const frames: Uint8Array[] = [];
  for (let f = 0; f < count; f++) {
    const rgb = background.slice();
    for (const object of objects) {
      const center = object.centers[f];
      if (!center) continue;
      if (typeof canvas === "number") paint(rgb, canvas, object, center);
      else paintInPixels(rgb, canvas, object, center);
    }
    const frame = new Uint8Array(rgb.length);
    for (let i = 0; i < rgb.length; i++) frame[i] = Math.round(rgb[i] ?? 0); // convex mixes of palette colors stay in 0…255
    frames.push(frame);
  }
  return { width, height, frames };
}

/** render.py's `coverage_wh`: the window and the samples in pixels, the shape scaled by the shorter side. */
function paintInPixels(rgb: Float32Array, { width, height }: Canvas, object: RenderObject, [cx, cy]: Point): void {
  const pcx = cx * width;
  const pcy = cy * height;
  const s = object.size * Math.min(width, height);
  const extent = 0.7 * s + 2.0; // a triangle's apex is 2/3 s above its centre
  const x0 = Math.max(0, Math.trunc(pcx - extent)); // Python's int(): toward zero
  const x1 = Math.min(width, Math.ceil(pcx + extent));
  const y0 = Math.max(0, Math.trunc(pcy - extent));
  const y1 = Math.min(height, Math.ceil(pcy + extent));
  const inside = insideInPixels(object.shape, pcx, pcy, s);
  const color = PALETTE[object.color];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inside(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE)) hits++;
        }
      }
      const a = hits / (SUPERSAMPLE * SUPERSAMPLE);
      if (a === 0) continue;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) rgb[i + c] = (rgb[i + c] ?? 0) * (1 - a) + a * (color[c] ?? 0);
    }
  }
}

/** render.py's `_inside` with the same operations in the same order (squares as products, as numpy computes them). */
function insideInPixels(shape: Shape, cx: number, cy: number, s: number): (px: number, py: number) => boolean {
  switch (shape) {
    case "ball": {
      const r = 0.55 * s;
      return (px, py) => (px - cx) * (px - cx) + (py - cy) * (py - cy) <= r * r;
    }
    case "square": {
      const h = 0.45 * s;
      return (px, py) => Math.abs(px - cx) <= h && Math.abs(py - cy) <= h;
    }
    case "triangle": {
      const top = cy - (2 * s) / 3;
      const halfBase = 0.55 * s;
      return (px, py) => {
        const frac = (py - top) / s;
        return frac >= 0 && frac <= 1 && Math.abs(px - cx) <= halfBase * frac;
      };
    }
  }
}

function paint(rgb: Float32Array, size: number, object: RenderObject, [cx, cy]: Point): void {
  const color = PALETTE[object.color];
  const extent = 0.6 * object.size + 2 / size;
  const x0 = Math.max(0, Math.floor((cx - extent) * size));
  const x1 = Math.min(size, Math.ceil((cx + extent) * size));
  const y0 = Math.max(0, Math.floor((cy - extent) * size));
  const y1 = Math.min(size, Math.ceil((cy + extent) * size));
  const inside = insideTest(object.shape, cx, cy, object.size);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inside((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      const a = hits / (SUPERSAMPLE * SUPERSAMPLE);
      if (a === 0) continue;
      const i = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) rgb[i + c] = (rgb[i + c] ?? 0) * (1 - a) + a * (color[c] ?? 0);
    }
  }
}

/** Point-in-shape test on normalized coordinates; the triangle points up, centroid at (cx, cy). */
function insideTest(shape: Shape, cx: number, cy: number, s: number): (px: number, py: number) => boolean {
  switch (shape) {
    case "ball": {
      const r2 = (0.55 * s) ** 2;
      return (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r2;
    }
    case "square": {
      const h = 0.45 * s;
      return (px, py) => Math.abs(px - cx) <= h && Math.abs(py - cy) <= h;
    }
    case "triangle": {
      const height = s;
      const halfBase = 0.55 * s;
      const top = cy - (2 * height) / 3;
      return (px, py) => {
        const frac = (py - top) / height;
        return frac >= 0 && frac <= 1 && Math.abs(px - cx) <= halfBase * frac;
      };
    }
  }
}
