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

export interface FfmpegRun {
  ffmpegPath: string;
  /** ffmpeg is SIGKILLed and the promise rejects with `EncodeError("ffmpeg_timeout")` after this long. */
  timeoutMs: number;
  /** ffmpeg is SIGKILLed and the promise rejects with the signal's reason once it aborts. */
  signal?: AbortSignal;
}

/**
 * Pipes RGB24 frames into ffmpeg over stdin and writes `path`. Rejects with `FfmpegMissingError`
 * when the binary is absent, `EncodeError("ffmpeg_timeout")` when it runs past `timeoutMs`, the
 * signal's reason when aborted, and `EncodeError("ffmpeg_failed")` carrying ffmpeg's stderr otherwise.
 * ffmpeg never outlives the call: on timeout or abort it is killed before the promise settles.
 */
export function encodeWithFfmpeg(
  video: VideoFrames,
  format: FfmpegFormat,
  path: string,
  { ffmpegPath, timeoutMs, signal }: FfmpegRun,
): Promise<void> {
  signal?.throwIfAborted();
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", `${video.width}x${video.height}`, "-r", String(video.fps)],
    ...["-i", "pipe:0", "-an", "-vf", FILTER, ...COLOR_ARGS, ...OUTPUT_ARGS[format], path],
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ["pipe", "ignore", "pipe"] });
    let stopped: unknown;
    const stop = (reason: unknown) => {
      stopped ??= reason;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () =>
        stop(new EncodeError("ffmpeg_timeout", `ffmpeg took longer than ${timeoutMs} ms writing ${format}; killed`)),
      timeoutMs,
    );
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      reject(err.code === "ENOENT" ? new FfmpegMissingError(ffmpegPath) : err);
    });
    child.stdin.on("error", () => {
      // EPIPE when ffmpeg exits early; the exit code below carries the reason.
    });
    child.on("close", (code, killedBy) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (stopped !== undefined) return reject(stopped);
      if (code === 0) return resolve();
      const how = killedBy ? `was killed by ${killedBy}` : `exited with ${code}`;
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
