import { Prompts, Templates, UsageResource } from "./resources/catalog.js";
import { Models } from "./resources/models.js";
import { Videos } from "./resources/videos.js";
import { Webhooks } from "./resources/webhooks.js";
import { type FetchLike, Transport } from "./transport.js";

export interface ClientOptions {
  /** An API key (`sr_live_…` or `sr_test_…`). Default: the `SKETCHREEL_API_KEY` environment variable. */
  apiKey?: string;
  /**
   * The edge's origin, e.g. `https://api.example.com` or `http://127.0.0.1:8787`. Default: the
   * `SKETCHREEL_BASE_URL` environment variable.
   */
  baseUrl?: string;
  /** A fetch implementation (default: the global one). */
  fetch?: FetchLike;
  /** Retries per call on 408, 429, 5xx, a 409 with `Retry-After`, and connection errors (default 2). */
  maxRetries?: number;
  /** Milliseconds per attempt (default 60 000). For streams it bounds the wait for headers. */
  timeout?: number;
}

/**
 * The Sketchreel API client.
 *
 * ```ts
 * const client = new Sketchreel(); // SKETCHREEL_API_KEY and SKETCHREEL_BASE_URL, or pass { apiKey, baseUrl }
 * const video = await client.videos.createAndWait({ prompt: "a red ball falls" });
 * ```
 */
export class Sketchreel {
  readonly videos: Videos;
  readonly templates: Templates;
  readonly prompts: Prompts;
  readonly models: Models;
  readonly usage: UsageResource;
  readonly webhooks: Webhooks;
  readonly baseUrl: string;

  constructor(options: ClientOptions = {}) {
    const transport = new Transport(options);
    this.baseUrl = transport.baseUrl;
    this.videos = new Videos(transport);
    this.templates = new Templates(transport);
    this.prompts = new Prompts(transport);
    this.models = new Models(transport);
    this.usage = new UsageResource(transport);
    this.webhooks = new Webhooks(transport);
  }
}
