import { stat } from "node:fs/promises";
import { extname } from "node:path";
import type { EncodeFormat } from "@sketchreel/encode";

const BY_EXTENSION: Record<string, EncodeFormat> = {
  ".mp4": "mp4",
  ".webm": "webm",
  ".gif": "gif",
  ".png": "poster",
};

export class UnsupportedOutputError extends Error {
  override readonly name = "UnsupportedOutputError";
}

/**
 * The format an output path asks for: its extension (.mp4 .webm .gif .png), or PNG frames when it
 * is a directory (exists as one, ends with a slash, or has no extension).
 */
export async function outputFormatFor(path: string): Promise<EncodeFormat> {
  const isDir = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir || /[\\/]$/.test(path)) return "png-frames";
  const ext = extname(path).toLowerCase();
  if (!ext) return "png-frames";
  const format = BY_EXTENSION[ext];
  if (!format) {
    throw new UnsupportedOutputError(
      `output ${JSON.stringify(path)} has extension ${ext}; use .mp4, .webm, .gif, .png or a directory for PNG frames`,
    );
  }
  return format;
}
