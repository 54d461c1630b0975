import { describe, expect, it } from "vitest";
import { drawContactSheet, sheetFrames } from "./contact-sheet.js";

const solid = (w: number, h: number, rgb: [number, number, number]) => {
  const f = new Uint8Array(w * h * 3);
  for (let i = 0; i < w * h; i++) f.set(rgb, i * 3);
  return f;
};

describe("contact sheet", () => {
  it("shows the first, middle and last frame", () => {
    const frames = Array.from({ length: 16 }, (_, i) => Uint8Array.of(i));
    expect(sheetFrames(frames).map((f) => f[0])).toEqual([0, 7, 15]);
    expect(sheetFrames(frames.slice(0, 1)).map((f) => f[0])).toEqual([0, 0, 0]);
  });

  it("lays out one row per run with upscaled tiles and a pass/fail bar", () => {
    const colors: [number, number, number][] = [
      [200, 0, 0],
      [0, 200, 0],
      [0, 0, 200],
    ];
    const rows = [
      { label: "SW-01 S1", pass: true, width: 32, height: 32, frames: colors.map((c) => solid(32, 32, c)) },
      { label: "SW-02 S1", pass: false, width: 32, height: 32, frames: colors.map((c) => solid(32, 32, c)) },
    ];
    const sheet = drawContactSheet(rows);
    expect(sheet.rgb.length).toBe(sheet.width * sheet.height * 3);
    const at = (x: number, y: number) =>
      Array.from(sheet.rgb.subarray((y * sheet.width + x) * 3, (y * sheet.width + x) * 3 + 3));
    // 32 px frames are upscaled ×3 to 96 px tiles: scan the first row of tiles left to right.
    const tileRowY = sheet.height - 4 - 96 - 4 - 48; // middle of the first row's tiles
    const seen = new Map<string, number>();
    for (let x = 0; x < sheet.width; x++) {
      const key = at(x, tileRowY).join();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const c of colors) expect(seen.get(c.join())).toBe(96);
    // The pass bar (green) of row 1 and the fail bar (red) of row 2 sit in the left margin.
    expect(at(5, tileRowY)).toEqual([40, 180, 70]);
    expect(at(5, tileRowY + 100)).toEqual([220, 40, 40]);
  });
});
