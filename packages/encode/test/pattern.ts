import type { VideoFrames } from "@sketchreel/pipeline";

export type Rgb = readonly [number, number, number];
export const BACKGROUND: Rgb = [24, 24, 32];
export const RED: Rgb = [220, 40, 40];
export const BLUE: Rgb = [40, 90, 230];
export const YELLOW: Rgb = [240, 200, 30];

/**
 * A shape-world-like test clip built from 16×16 blocks: a red block that moves one block right every
 * few frames along the top row, a static blue block bottom-right, and a yellow block whose row
 * alternates. `colorAt` is the ground truth for any pixel of any frame.
 */
export function makePattern(width = 64, height = 64, numFrames = 12, fps = 8) {
  const cols = width / 16;
  const colorAt = (frame: number, x: number, y: number): Rgb => {
    const bx = Math.floor(x / 16);
    const by = Math.floor(y / 16);
    if (by === 0 && bx === Math.floor((frame * cols) / numFrames)) return RED;
    if (by === Math.floor(height / 16) - 1 && bx === cols - 1) return BLUE;
    if (bx === 0 && by === 1 + (frame % 2)) return YELLOW;
    return BACKGROUND;
  };
  const frames = Array.from({ length: numFrames }, (_, f) => {
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) rgb.set(colorAt(f, x, y), (y * width + x) * 3);
    }
    return rgb;
  });
  const video: VideoFrames = { width, height, fps, frames };
  return { video, colorAt };
}

/**
 * Largest per-channel error between decoded frames (at `scale`× the pattern) and the ground truth,
 * sampled at the centre of every 16×16 native block (away from chroma-subsampled edges).
 */
export function maxBlockCentreError(
  decoded: Uint8Array[],
  colorAt: (frame: number, x: number, y: number) => Rgb,
  nativeWidth: number,
  nativeHeight: number,
  scale: number,
): number {
  let worst = 0;
  const width = nativeWidth * scale;
  decoded.forEach((frame, f) => {
    for (let by = 0; by < nativeHeight / 16; by++) {
      for (let bx = 0; bx < nativeWidth / 16; bx++) {
        const nx = bx * 16 + 8;
        const ny = by * 16 + 8;
        const want = colorAt(f, nx, ny);
        const o = (ny * scale * width + nx * scale) * 3;
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(frame[o + c]! - want[c]!));
      }
    }
  });
  return worst;
}
