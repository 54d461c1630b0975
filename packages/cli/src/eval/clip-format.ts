import type { SuiteEntry } from "@sketchreel/shape-world";

/** What a suite entry asks to be generated and judged at (WORLD-V2.md "Scene spec"); absent fields: the source's default. */
export type AskedFormat = Partial<Pick<Required<SuiteEntry>, "width" | "height" | "num_frames">>;

/** A clip's format as made: size × frames. */
export interface ClipFormat {
  width: number;
  height: number;
  num_frames: number;
}

/** The fields an entry sets (a v1 entry sets none: the model's defaults apply, as before). */
export function askedFormat(entry: SuiteEntry): AskedFormat {
  const asked: AskedFormat = {};
  for (const field of ["width", "height", "num_frames"] as const) {
    const value = entry[field];
    if (value !== undefined) asked[field] = value;
  }
  return asked;
}

/** The report's key of a format: "64x64@16f", "256x144@32f". */
export function formatKey({ width, height, num_frames }: ClipFormat): string {
  return `${width}x${height}@${num_frames}f`;
}

/** How people read it: "256x144, 32 frames". */
export function describeFormat({ width, height, num_frames }: Partial<ClipFormat>): string {
  const size = width !== undefined || height !== undefined ? `${width ?? "default"}x${height ?? "default"}` : "";
  const frames = num_frames !== undefined ? `${num_frames} frames` : "";
  return [size, frames].filter(Boolean).join(", ") || "the model's defaults";
}
