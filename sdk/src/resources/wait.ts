import { APITimeoutError, VideoNotSucceededError } from "../errors.js";
import { sleep } from "../retry.js";
import { type CreateVideoParams, isTerminal, type Progress, type RequestOptions, type Video } from "../types.js";
import type { CreateOptions, Videos } from "./videos.js";

export interface WaitOptions {
  /** Called on every status or progress change, first with the freshly created video. */
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

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_POLL_INTERVAL_MS = 1_000;

/** createAndWait: create, then follow SSE; on any stream failure, poll `GET /v1/videos/{id}`. */
export async function waitForVideo(
  videos: Videos,
  params: CreateVideoParams,
  options: WaitOptions & WaitCreateOptions,
): Promise<Video> {
  const { onProgress, timeout = DEFAULT_WAIT_TIMEOUT_MS, pollInterval = DEFAULT_POLL_INTERVAL_MS } = options;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new APITimeoutError(`video did not finish within ${timeout} ms`)),
    timeout,
  );
  const onAbort = () => deadline.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const signal = deadline.signal;
  const request: RequestOptions = { signal };
  let last = "";
  const report = (video: Video): Video => {
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
    let video = report(
      await videos.create(params, {
        signal,
        idempotencyKey: options.idempotencyKey,
        headers: options.headers,
        maxRetries: options.maxRetries,
      }),
    );
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
