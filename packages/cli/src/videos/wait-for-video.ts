import { relative } from "node:path";
import type { CreateAndWaitOptions, Video } from "@sketchreel/sdk";
import { createProgressBar } from "../progress-bar.js";
import type { Downloaded } from "../remote/download.js";
import type { RemoteState } from "../remote/run-remote.js";
import { UsageError } from "../usage-error.js";
import { formatVideo } from "./format-video.js";

export const DEFAULT_WAIT_S = 600;

/** `--timeout SECONDS` of a wait. */
export function readTimeout(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_WAIT_S * 1000;
  const seconds = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError([
      {
        field: "timeout",
        rule: "minimum",
        message: `--timeout must be a number of seconds > 0 (got ${JSON.stringify(raw)})`,
      },
    ]);
  }
  return Math.round(seconds * 1000);
}

/**
 * The SDK's wait options for a command: on a TTY a progress bar on stderr (which also records the
 * video's id for an interrupt); elsewhere none, so the SDK may ask the API to hold the answer instead.
 */
export function waitOptions(timeout: number, signal: AbortSignal, state: RemoteState) {
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  const options: CreateAndWaitOptions = { signal, timeout };
  if (bar) {
    options.onProgress = (progress, video) => {
      state.videoId = video.id;
      bar.update(progress, video.status);
    };
  }
  return { options, done: () => bar?.done() };
}

/** A finished video: the API's JSON, or the summary and the file written. */
export function printVideo(video: Video, json: boolean, file?: Downloaded): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(video)}\n`);
    if (file) process.stderr.write(`wrote ${file.path} (${file.bytes} bytes)\n`);
    return;
  }
  const wrote = file ? [`wrote ${relative(process.cwd(), file.path) || file.path} (${file.bytes} bytes)`] : [];
  process.stdout.write(`${[formatVideo(video), ...wrote].join("\n")}\n`);
}
