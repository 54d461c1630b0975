import { APITimeoutError, VideoNotSucceededError } from "../errors.js";
import { sleep } from "../retry.js";
import { type CreateVideoParams, isTerminal, type Progress, type RequestOptions, type Video } from "../types.js";
import type { CreateOptions, Videos } from "./videos.js";

export interface WaitOptions {
  /** Called on every status or progress change, first with the video as created (or as found). */
  onProgress?: (progress: Progress, video: Video) => void;
  /** Stops waiting (rejects with the signal's reason). The video keeps going server-side. */
  signal?: AbortSignal;
  /** Milliseconds to wait for the video in total (default 10 minutes). */
  timeout?: number;
  /** Milliseconds between polls when the event stream is unavailable (default 1000). */
  pollInterval?: number;
}

/** Options of the create call inside createAndWait (its `timeout` is the total wait instead). */
export type WaitCreateOptions = Pick<CreateOptions, "idempotencyKey" | "headers" | "maxRetries">;

export interface CreateAndWaitOptions extends WaitOptions, WaitCreateOptions {
  /**
   * Seconds the API may hold the create request until the video is done (`Prefer: wait=N`, RFC 7240):
   * a video that finishes in time comes back in the create's own answer, with no event stream to
   * open. An API that does not hold answers 202 at once and the wait goes on as usual. Default: the
   * total `timeout`, at most 60 s, unless there is an `onProgress` (progress needs the event stream
   * from the start) or the SDK runs in a browser (the header needs the API's CORS to allow it);
   * `false` never asks.
   */
  preferWait?: number | false;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
export const MAX_PREFER_WAIT_S = 60;

/** createAndWait: create (asking the API to hold the answer when that saves a round trip), then follow. */
export function createAndWait(
  videos: Videos,
  params: CreateVideoParams,
  options: CreateAndWaitOptions,
): Promise<Video> {
  const hold = preferWaitSeconds(options);
  const headers = hold === undefined ? options.headers : { ...options.headers, Prefer: `wait=${hold}` };
  return waitForVideo(
    videos,
    (signal) =>
      videos.create(params, {
        signal,
        idempotencyKey: options.idempotencyKey,
        headers,
        maxRetries: options.maxRetries,
      }),
    options,
  );
}

/**
 * Waits for a video: `start` yields it (created or fetched); then its events (SSE) until a terminal
 * state, polling `GET /v1/videos/{id}` on any stream failure. Resolves with the succeeded video;
 * rejects with `VideoNotSucceededError`, an `APITimeoutError` naming the video, or the signal's reason.
 */
export async function waitForVideo(
  videos: Videos,
  start: (signal: AbortSignal) => Promise<Video>,
  options: WaitOptions,
): Promise<Video> {
  const { onProgress, timeout = DEFAULT_WAIT_TIMEOUT_MS, pollInterval = DEFAULT_POLL_INTERVAL_MS } = options;
  let current: Video | undefined;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timeoutError(current?.id, timeout)), timeout);
  const onAbort = () => deadline.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = deadline.signal;
  const request: RequestOptions = { signal };
  let last = "";
  const report = (video: Video): Video => {
    current = video;
    const key = `${video.status}:${video.progress.stage}:${video.progress.step}:${video.progress.percent}`;
    if (key !== last) onProgress?.(video.progress, video);
    last = key;
    return video;
  };
  const finish = (video: Video): Video => {
    if (video.status === "succeeded") return video;
    throw new VideoNotSucceededError(video);
  };

  try {
    let video = report(await start(signal));
    if (isTerminal(video.status)) return finish(video);
    try {
      for await (const event of videos.events(video.id, request)) {
        video = report(event.data);
        if (isTerminal(video.status)) break;
      }
    } catch {
      if (signal.aborted) throw signal.reason;
      // The stream failed (proxy without SSE, dropped connection): polling below picks up.
    }
    if (isTerminal(video.status)) return finish(video);
    for (;;) {
      video = report(await videos.get(video.id, request));
      if (isTerminal(video.status)) return finish(video);
      await sleep(pollInterval, signal);
    }
  } catch (error) {
    throw signal.aborted && !(error instanceof VideoNotSucceededError) ? signal.reason : error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

function timeoutError(videoId: string | undefined, timeout: number): APITimeoutError {
  const message = videoId
    ? `video ${videoId} did not finish within ${timeout} ms; it keeps going: videos.wait("${videoId}") waits again, videos.cancel("${videoId}") stops it`
    : `the create request did not answer within ${timeout} ms`;
  return new APITimeoutError(message, { videoId });
}

/** The `Prefer: wait=N` to send, or `undefined` when holding the create would not help (see `preferWait`). */
export function preferWaitSeconds(options: CreateAndWaitOptions): number | undefined {
  const { preferWait } = options;
  if (preferWait === false) return undefined;
  if (preferWait !== undefined) {
    if (!Number.isInteger(preferWait) || preferWait < 1)
      throw new TypeError(`Sketchreel: preferWait must be a whole number of seconds ≥ 1 or false (got ${preferWait})`);
    return preferWait;
  }
  if (options.onProgress || isBrowser()) return undefined;
  const seconds = Math.min(MAX_PREFER_WAIT_S, Math.floor((options.timeout ?? DEFAULT_WAIT_TIMEOUT_MS) / 1000));
  return seconds >= 1 ? seconds : undefined;
}

/** Browsers preflight a `Prefer` header: only an API whose CORS allows it may receive one from there. */
function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== "undefined";
}
