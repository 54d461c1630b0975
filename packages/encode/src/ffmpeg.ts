import { spawn } from "node:child_process";
import type { VideoFrames } from "@sketchreel/pipeline";
import { EncodeError, FfmpegMissingError } from "./errors.js";

export type FfmpegFormat = "mp4" | "webm";

/** Output arguments per container: H.264 yuv420p with the index up front, or VP9 in WebM. */
const OUTPUT_ARGS: Record<FfmpegFormat, string[]> = {
  mp4: ["-c:v", "libx264", "-preset", "medium", "-crf", "18", "-movflags", "+faststart", "-f", "mp4"],
  webm: [
    "-c:v",
    "libvpx-vp9",
    "-crf",
    "30",
    "-b:v",
    "0",
    "-deadline",
    "good",
    "-cpu-used",
    "4",
    "-row-mt",
    "1",
    "-f",
    "webm",
  ],
};

// Tag BT.709 (what browsers assume for untagged video) and convert with the same matrix; pad odd sizes.
const COLOR_ARGS = ["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv"];
const FILTER = "pad=ceil(iw/2)*2:ceil(ih/2)*2,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p";

/**
 * Pipes RGB24 frames into ffmpeg over stdin and writes `path`. Rejects with `FfmpegMissingError`
 * when the binary is absent and with `EncodeError("ffmpeg_failed")` carrying ffmpeg's stderr otherwise.
 */
export function encodeWithFfmpeg(
  video: VideoFrames,
  format: FfmpegFormat,
  path: string,
  ffmpegPath: string,
): Promise<void> {
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", `${video.width}x${video.height}`, "-r", String(video.fps)],
    ...["-i", "pipe:0", "-an", "-vf", FILTER, ...COLOR_ARGS, ...OUTPUT_ARGS[format], path],
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      reject(err.code === "ENOENT" ? new FfmpegMissingError(ffmpegPath) : err);
    });
    child.stdin.on("error", () => {
      // EPIPE when ffmpeg exits early; the exit code below carries the reason.
    });
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
      reject(new EncodeError("ffmpeg_failed", `ffmpeg ${how} writing ${format}: ${stderr.trim()}`));
    });
    writeFrames(child.stdin, video.frames).catch(() => {});
  });
}

async function writeFrames(stdin: NodeJS.WritableStream, frames: Uint8Array[]): Promise<void> {
  for (const frame of frames) {
    if (!stdin.write(frame)) await new Promise<void>((r) => stdin.once("drain", () => r()));
  }
  stdin.end();
}
