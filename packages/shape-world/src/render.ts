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
  /** Object scale as a fraction of the canvas side (the shape world uses ≈ 0.2). */
  size: number;
  centers: (Point | null)[];
}

const SUPERSAMPLE = 4;

/**
 * Renders objects flat-shaded in the exact palette on the background, anti-aliased by 4×4
 * supersampling (edge pixels are coverage-weighted mixes). Later objects paint over earlier ones.
 * The geometry matches the training renderer (training/shapeworld/render.py).
 */
export function renderFrames(objects: readonly RenderObject[], size = 64): RgbFrames {
  const count = Math.max(0, ...objects.map((o) => o.centers.length));
  const background = new Float32Array(size * size * 3);
  for (let i = 0; i < size * size; i++) background.set(BACKGROUND, i * 3);
  const frames: Uint8Array[] = [];
  for (let f = 0; f < count; f++) {
    const rgb = background.slice();
    for (const object of objects) {
      const center = object.centers[f];
      if (center) paint(rgb, size, object, center);
    }
    const frame = new Uint8Array(rgb.length);
    for (let i = 0; i < rgb.length; i++) frame[i] = Math.round(rgb[i] ?? 0); // convex mixes of palette colors stay in 0…255
    frames.push(frame);
  }
  return { width: size, height: size, frames };
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
