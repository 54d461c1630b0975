import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Variant } from "@sketchreel/sdk";

export interface MediaFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  extension: string;
}

let cached: Record<Variant, MediaFile> | undefined;

/**
 * Real, decodable renditions for the test runner to upload: a 64×64 clip of a yellow square sliding
 * right over the shape world's background, encoded by ffmpeg as MP4 (H.264), WebM (VP9), GIF and a PNG poster.
 */
export function media(): Record<Variant, MediaFile> {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "sketchreel-media-"));
  const source =
    "color=c=0x181820:s=64x64:r=8:d=2[bg];color=c=0xF0C81E:s=14x14:r=8:d=2[box];[bg][box]overlay=x='4+t*20':y=25";
  const ffmpeg = (args: string[]) =>
    execFileSync("ffmpeg", ["-v", "error", "-y", "-filter_complex", source, ...args], { cwd: dir });
  ffmpeg(["-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "video.mp4"]);
  ffmpeg(["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "video.webm"]);
  ffmpeg(["-loop", "0", "video.gif"]);
  ffmpeg(["-frames:v", "1", "poster.png"]);
  const file = (name: string, contentType: string, extension: string): MediaFile => ({
    bytes: new Uint8Array(readFileSync(join(dir, name))),
    contentType,
    extension,
  });
  cached = {
    mp4: file("video.mp4", "video/mp4", "mp4"),
    webm: file("video.webm", "video/webm", "webm"),
    gif: file("video.gif", "image/gif", "gif"),
    poster: file("poster.png", "image/png", "png"),
  };
  return cached;
}
