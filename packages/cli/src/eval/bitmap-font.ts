/**
 * A 3×5 pixel font for labelling the contact sheet (uppercase, digits, a little punctuation).
 * Each glyph is five rows of three cells, "#" = ink. Unknown characters draw as blanks.
 */
const GLYPHS: Record<string, string> = {
  "0": "### #.# #.# #.# ###",
  "1": ".#. ##. .#. .#. ###",
  "2": "##. ..# .#. #.. ###",
  "3": "##. ..# .#. ..# ##.",
  "4": "#.# #.# ### ..# ..#",
  "5": "### #.. ##. ..# ##.",
  "6": ".## #.. ### #.# ###",
  "7": "### ..# .#. .#. .#.",
  "8": "### #.# ### #.# ###",
  "9": "### #.# ### ..# ##.",
  A: ".#. #.# ### #.# #.#",
  B: "##. #.# ##. #.# ##.",
  C: ".## #.. #.. #.. .##",
  D: "##. #.# #.# #.# ##.",
  E: "### #.. ##. #.. ###",
  F: "### #.. ##. #.. #..",
  G: ".## #.. #.# #.# .##",
  H: "#.# #.# ### #.# #.#",
  I: "### .#. .#. .#. ###",
  J: "..# ..# ..# #.# .#.",
  K: "#.# #.# ##. #.# #.#",
  L: "#.. #.. #.. #.. ###",
  M: "#.# ### ### #.# #.#",
  N: "##. #.# #.# #.# #.#",
  O: ".#. #.# #.# #.# .#.",
  P: "##. #.# ##. #.. #..",
  Q: ".#. #.# #.# ##. .##",
  R: "##. #.# ##. #.# #.#",
  S: ".## #.. .#. ..# ##.",
  T: "### .#. .#. .#. .#.",
  U: "#.# #.# #.# #.# ###",
  V: "#.# #.# #.# #.# .#.",
  W: "#.# #.# ### ### #.#",
  X: "#.# #.# .#. #.# #.#",
  Y: "#.# #.# .#. .#. .#.",
  Z: "### ..# .#. #.. ###",
  "-": "... ... ### ... ...",
  "/": "..# ..# .#. #.. #..",
  ".": "... ... ... ... .#.",
  ":": "... .#. ... .#. ...",
  "#": "#.# ### #.# ### #.#",
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Width in pixels of `text` drawn at `scale` (one blank column between glyphs). */
export const textWidth = (text: string, scale: number) => text.length * (GLYPH_WIDTH + 1) * scale;

/** Draws `text` into an RGB24 image with its top-left corner at (x, y). */
export function drawText(
  image: { rgb: Uint8Array; width: number; height: number },
  text: string,
  x: number,
  y: number,
  color: readonly [number, number, number],
  scale = 1,
): void {
  for (const [i, char] of [...text.toUpperCase()].entries()) {
    const rows = GLYPHS[char]?.split(" ") ?? [];
    for (const [gy, row] of rows.entries()) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (row[gx] !== "#") continue;
        const left = x + (i * (GLYPH_WIDTH + 1) + gx) * scale;
        fillRect(image, left, y + gy * scale, scale, scale, color);
      }
    }
  }
}

export function fillRect(
  image: { rgb: Uint8Array; width: number; height: number },
  x: number,
  y: number,
  w: number,
  h: number,
  color: readonly [number, number, number],
): void {
  for (let yy = Math.max(0, y); yy < Math.min(image.height, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(image.width, x + w); xx++)
      image.rgb.set(color, (yy * image.width + xx) * 3);
  }
}
