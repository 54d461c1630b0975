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
import { type WaitCreateOptions, type WaitOptions, waitForVideo } from "./wait.js";

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
  async create(params: CreateVideoParams, options: CreateOptions = {}): Promise<Video> {
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    const { data } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.POST("/v1/videos", {
          // The API defaults `template.variables` to {}; the generated (output-shaped) type marks it required.
          body: params as components["schemas"]["CreateVideoRequest"],
          signal,
          headers,
        }),
      { ...options, idempotencyKey },
    );
    return data;
  }

  /** The video now: status, progress and fresh short-lived output URLs. */
  async get(id: string, options: RequestOptions = {}): Promise<Video> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/videos/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
    return data;
  }

  /** Newest first. `await` for one page, or `for await (const video of client.videos.list())` for all. */
  list(params: ListVideosParams = {}, options: RequestOptions = {}): PagePromise<Video, VideoList> {
    return new PagePromise<Video, VideoList>(async (cursor) => {
      const query = { ...params, ...(cursor ? { cursor } : {}) };
      const { data } = await this.transport.call(
        ({ signal, headers }) => this.transport.api.GET("/v1/videos", { params: { query }, signal, headers }),
        options,
      );
      return data;
    }, params.cursor);
  }

  /** Cancels a queued video at once; a running one stops at its runner's next heartbeat. */
  async cancel(id: string, options: RequestOptions = {}): Promise<Video> {
    const { data } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.POST("/v1/videos/{id}/cancel", { params: { path: { id } }, signal, headers }),
      options,
    );
    return data;
  }

  /** Deletes a finished video and its stored outputs (a running one must be canceled first). */
  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.DELETE("/v1/videos/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
  }

  /** Downloads one rendition: the API redirects to a short-lived URL, which this follows. */
  async content(id: string, params: { variant?: Variant } = {}, options: RequestOptions = {}): Promise<Response> {
    const variant = params.variant ?? "mp4";
    const path = `/v1/videos/${encodeURIComponent(id)}/content?variant=${encodeURIComponent(variant)}`;
    const { data } = await this.transport.raw(
      path,
      { method: "GET", redirect: "follow" },
      { ...options, stream: true },
    );
    return data;
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
   * Creates a video and resolves once it has succeeded, following its events (SSE) and falling back
   * to polling if the stream is unavailable. Rejects with `VideoNotSucceededError` on failed or
   * canceled, `APITimeoutError` past `timeout`, or the signal's reason when aborted (the video
   * itself keeps going: call `cancel` to stop it).
   */
  async createAndWait(params: CreateVideoParams, options: WaitOptions & WaitCreateOptions = {}): Promise<Video> {
    return waitForVideo(this, params, options);
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
