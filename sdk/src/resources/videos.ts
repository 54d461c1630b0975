import type { APIPromise } from "../api-promise.js";
import type { components } from "../generated/openapi.js";
import { newIdempotencyKey } from "../idempotency.js";
import { PagePromise } from "../pagination.js";
import { parseEventStream } from "../sse.js";
import type { Transport } from "../transport.js";
import type {
  CreateVideoParams,
  ListVideosParams,
  RequestOptions,
  Variant,
  Video,
  VideoEvent,
  VideoList,
} from "../types.js";
import { type CreateAndWaitOptions, createAndWait, type WaitOptions, waitForVideo } from "./wait.js";

export interface CreateOptions extends RequestOptions {
  /** Defaults to a fresh random key, reused on every retry of this call. */
  idempotencyKey?: string;
}

/** `client.videos`: create, watch, list, download and delete videos. */
export class Videos {
  constructor(private readonly transport: Transport) {}

  /**
   * Submits a video. Resolves with `status: "queued"` (202) or, when an identical seeded request
   * already succeeded, the cached video (`cached: true`, no GPU work).
   */
  create(params: CreateVideoParams, options: CreateOptions = {}): APIPromise<Video> {
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    return this.transport.request(
      ({ signal, headers }) =>
        this.transport.api.POST("/v1/videos", {
          // The API defaults `template.variables` to {}; the generated (output-shaped) type marks it required.
          body: params as components["schemas"]["CreateVideoRequest"],
          signal,
          headers,
        }),
      { ...options, idempotencyKey },
    );
  }

  /** The video now: status, progress and fresh short-lived output URLs. */
  get(id: string, options: RequestOptions = {}): APIPromise<Video> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.GET("/v1/videos/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
  }

  /** Newest first. `await` for one page, or `for await (const video of client.videos.list())` for all. */
  list(params: ListVideosParams = {}, options: RequestOptions = {}): PagePromise<Video, VideoList> {
    return new PagePromise<Video, VideoList>((cursor) => {
      const query = { ...params, ...(cursor ? { cursor } : {}) };
      return this.transport.call(
        ({ signal, headers }) => this.transport.api.GET("/v1/videos", { params: { query }, signal, headers }),
        options,
      );
    }, params.cursor);
  }

  /** Cancels a queued video at once; a running one stops at its runner's next heartbeat. */
  cancel(id: string, options: RequestOptions = {}): APIPromise<Video> {
    return this.transport.request(
      ({ signal, headers }) =>
        this.transport.api.POST("/v1/videos/{id}/cancel", { params: { path: { id } }, signal, headers }),
      options,
    );
  }

  /** Deletes a finished video and its stored outputs (a running one must be canceled first). */
  delete(id: string, options: RequestOptions = {}): APIPromise<void> {
    return this.transport.request(async ({ signal, headers }) => {
      const { error, response } = await this.transport.api.DELETE("/v1/videos/{id}", {
        params: { path: { id } },
        signal,
        headers,
      });
      return { data: undefined, error, response };
    }, options);
  }

  /** Downloads one rendition: the API redirects to a short-lived URL, which this follows. */
  content(id: string, params: { variant?: Variant } = {}, options: RequestOptions = {}): APIPromise<Response> {
    const variant = params.variant ?? "mp4";
    const path = `/v1/videos/${encodeURIComponent(id)}/content?variant=${encodeURIComponent(variant)}`;
    return this.transport.raw(path, { method: "GET", redirect: "follow" }, { ...options, stream: true });
  }

  /**
   * Live events of one video (Server-Sent Events), ending after the terminal one. Break out of the
   * loop (or abort `signal`) to stop listening.
   */
  async *events(id: string, options: RequestOptions = {}): AsyncGenerator<VideoEvent> {
    const { data: body } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.GET("/v1/videos/{id}/events", {
          params: { path: { id } },
          parseAs: "stream",
          signal,
          headers: { ...headers, Accept: "text/event-stream" },
        }),
      { ...options, stream: true },
    );
    if (!body) return;
    for await (const message of parseEventStream(body as ReadableStream<Uint8Array>)) {
      const event = parseVideoEvent(message.data);
      if (event) yield event;
    }
  }

  /**
   * Creates a video and resolves once it has succeeded. Without `onProgress` it asks the API to hold
   * the create until the video is done (`Prefer: wait`, see `preferWait`); otherwise, and when the
   * video is not done in that time, it follows the video's events (SSE), falling back to polling.
   * Rejects with `VideoNotSucceededError` on failed or canceled, `APITimeoutError` (with `videoId`)
   * past `timeout`, or the signal's reason when aborted (the video itself keeps going: call `cancel`).
   */
  createAndWait(params: CreateVideoParams, options: CreateAndWaitOptions = {}): Promise<Video> {
    return createAndWait(this, params, options);
  }

  /**
   * Waits for an existing video (one created earlier, or whose `createAndWait` timed out) until it
   * has succeeded: the same events, polling, errors and options as `createAndWait`.
   */
  wait(id: string, options: WaitOptions = {}): Promise<Video> {
    return waitForVideo(this, (signal) => this.get(id, { signal }), options);
  }
}

function parseVideoEvent(data: string): VideoEvent | undefined {
  try {
    const value = JSON.parse(data) as Partial<VideoEvent>;
    return typeof value.type === "string" && value.data && typeof value.data.id === "string"
      ? (value as VideoEvent)
      : undefined;
  } catch {
    return undefined; // keep-alives and other non-JSON data
  }
}
