import { drawText, fillRect, GLYPH_HEIGHT, textWidth } from "./bitmap-font.js";

/** One row of the sheet: a labelled run and the frames to show (first, middle, last). */
export interface SheetRow {
  label: string;
  pass: boolean;
  width: number;
  height: number;
  frames: Uint8Array[];
}

export interface RgbImage {
  rgb: Uint8Array;
  width: number;
  height: number;
}

const GAP = 4;
const TEXT_SCALE = 2;
const INK = [230, 230, 230] as const;
const PAPER = [12, 12, 16] as const;
const PASS = [40, 180, 70] as const;
const FAIL = [220, 40, 40] as const;
const MIN_TILE = 96;

/** First, middle and last frame: what the sheet shows of a clip. */
export const sheetFrames = (frames: Uint8Array[]): Uint8Array[] => {
  const pick = [0, Math.floor((frames.length - 1) / 2), frames.length - 1];
  return pick.map((i) => frames[i]).filter((f): f is Uint8Array => f !== undefined);
};

/**
 * Lays runs out one per row: a pass/fail bar, the label ("SW-01 S2"), then the frames upscaled
 * (nearest neighbour) to at least 96 px, on a dark page with a header row.
 */
export function drawContactSheet(rows: SheetRow[]): RgbImage {
  const frameW = Math.max(1, ...rows.map((r) => r.width));
  const frameH = Math.max(1, ...rows.map((r) => r.height));
  const scale = Math.max(1, Math.ceil(MIN_TILE / Math.max(frameW, frameH)));
  const [tileW, tileH] = [frameW * scale, frameH * scale];
  const columns = Math.max(1, ...rows.map((r) => r.frames.length));
  const labelW = Math.max(...rows.map((r) => textWidth(r.label, TEXT_SCALE)), textWidth("RUN", TEXT_SCALE)) + 4 * GAP;
  const headerH = GLYPH_HEIGHT * TEXT_SCALE + 2 * GAP;
  const width = labelW + columns * (tileW + GAP) + GAP;
  const height = headerH + rows.length * (tileH + GAP) + GAP;
  const image: RgbImage = { rgb: new Uint8Array(width * height * 3), width, height };
  fillRect(image, 0, 0, width, height, PAPER);
  ["FIRST", "MIDDLE", "LAST"].slice(0, columns).forEach((title, c) => {
    drawText(image, title, labelW + c * (tileW + GAP), GAP, INK, TEXT_SCALE);
  });
  for (const [r, row] of rows.entries()) {
    const top = headerH + r * (tileH + GAP);
    fillRect(image, GAP, top, GAP, tileH, row.pass ? PASS : FAIL);
    drawText(image, row.label, 3 * GAP, top + (tileH - GLYPH_HEIGHT * TEXT_SCALE) / 2, INK, TEXT_SCALE);
    for (const [c, frame] of row.frames.entries()) {
      blitScaled(image, frame, row.width, row.height, labelW + c * (tileW + GAP), top, scale);
    }
  }
  return image;
}

function blitScaled(
  image: RgbImage,
  frame: Uint8Array,
  w: number,
  h: number,
  left: number,
  top: number,
  scale: number,
) {
  for (let y = 0; y < h * scale; y++) {
    const src = Math.floor(y / scale) * w;
    const dst = (top + y) * image.width + left;
    for (let x = 0; x < w * scale; x++) {
      const s = (src + Math.floor(x / scale)) * 3;
      image.rgb.set(frame.subarray(s, s + 3), (dst + x) * 3);
    }
  }
}
