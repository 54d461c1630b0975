import createClient, { type Client } from "openapi-fetch";
import { APIPromise, type WithResponse } from "./api-promise.js";
import { ENV, readEnv } from "./env.js";
import { APIConnectionError, APITimeoutError, errorFromResponse } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { isRetryableStatus, RETRY_DEFAULTS, retryDelayMs, sleep } from "./retry.js";
import type { RequestOptions } from "./types.js";

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Default: `SKETCHREEL_API_KEY`. */
  apiKey?: string | undefined;
  /** Default: `SKETCHREEL_BASE_URL`. */
  baseUrl?: string | undefined;
  fetch?: FetchLike | undefined;
  maxRetries?: number | undefined;
  timeout?: number | undefined;
}

/** What one attempt gets: an abort signal (timeout + caller's signal) and the headers to send. */
export interface Attempt {
  signal: AbortSignal;
  headers: Record<string, string>;
}

type Sent<T> = { data?: T; error?: unknown; response: Response };

export interface CallOptions extends RequestOptions {
  /** Sent as `Idempotency-Key`, the same value on every retry. */
  idempotencyKey?: string;
  /** Streaming response: the timeout covers the wait for headers only. */
  stream?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The HTTP layer: one openapi-fetch client plus the retry loop every call goes through.
 * Only this file knows about attempts, timeouts and how failures map to typed errors.
 */
export class Transport {
  readonly api: Client<paths>;
  readonly baseUrl: string;
  private readonly maxRetries: number;
  private readonly timeout: number;
  private readonly fetchImpl: FetchLike;
  private readonly authorization: string;

  constructor(options: TransportOptions) {
    // Explicit options win over the environment; an explicit empty apiKey is an error, not a fallback.
    const apiKey = options.apiKey ?? readEnv(ENV.apiKey);
    const baseUrl = options.baseUrl ?? readEnv(ENV.baseUrl);
    if (!apiKey) throw new TypeError(`Sketchreel: apiKey is required: pass { apiKey } or set ${ENV.apiKey}`);
    if (baseUrl === undefined) {
      throw new TypeError(
        `Sketchreel: baseUrl is required: pass { baseUrl } or set ${ENV.baseUrl} (e.g. http://127.0.0.1:8787 for \`sketchreel dev\`)`,
      );
    }
    if (!/^https?:\/\//.test(baseUrl))
      throw new TypeError(`Sketchreel: baseUrl must be an http(s) URL (got "${baseUrl}")`);
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.maxRetries = checkCount("maxRetries", options.maxRetries ?? RETRY_DEFAULTS.maxRetries);
    this.timeout = checkCount("timeout", options.timeout ?? DEFAULT_TIMEOUT_MS);
    // Called through a closure so a browser's `window.fetch` never sees a foreign `this`.
    const fetchImpl = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
    this.fetchImpl = fetchImpl;
    this.authorization = `Bearer ${apiKey}`;
    this.api = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: (request: Request) => fetchImpl(request),
      headers: { Authorization: this.authorization, Accept: "application/json" },
    });
  }

  /** `call`, as an `APIPromise`: awaits to the body, `.withResponse()` gives the response too. */
  request<T>(send: (attempt: Attempt) => Promise<Sent<T>>, options: CallOptions = {}): APIPromise<T> {
    return new APIPromise(this.call(send, options));
  }

  /** Runs `send` until it succeeds, fails for good, or retries run out; returns the parsed body. */
  async call<T>(send: (attempt: Attempt) => Promise<Sent<T>>, options: CallOptions = {}): Promise<WithResponse<T>> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const headers = { ...options.headers };
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(send, headers, options);
      const failure = "failure" in outcome ? outcome.failure : undefined;
      if (!failure) return outcome as WithResponse<T>;
      const retryable = failure instanceof APIConnectionError || isRetryableStatus(failure.status, failure.headers);
      const delay =
        retryable && retry < maxRetries
          ? retryDelayMs(retry, failure instanceof APIConnectionError ? undefined : failure.headers)
          : undefined;
      if (delay === undefined) throw failure;
      await sleep(delay, options.signal);
    }
  }

  /** A plain fetch through the same retry loop, for routes openapi-fetch cannot parse (redirects to files). */
  raw(path: string, init: RequestInit, options: CallOptions = {}): APIPromise<Response> {
    return this.request(async ({ signal, headers }) => {
      const request = new Request(`${this.baseUrl}${path}`, {
        ...init,
        signal,
        headers: { Authorization: this.authorization, ...headers },
      });
      const response = await this.fetchImpl(request);
      if (response.ok) return { data: response, response };
      return { error: await readError(response), response };
    }, options);
  }

  private async attempt<T>(
    send: (attempt: Attempt) => Promise<Sent<T>>,
    headers: Record<string, string>,
    options: CallOptions,
  ): Promise<WithResponse<T> | { failure: ReturnType<typeof errorFromResponse> | APIConnectionError }> {
    const controller = new AbortController();
    const timeoutMs = (options.timeout ?? this.timeout) + heldMs(headers);
    const caller = options.signal;
    if (caller?.aborted) throw caller.reason;
    const onAbort = () => controller.abort(caller?.reason);
    caller?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new APITimeoutError(`Request timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    try {
      const { data, error, response } = await send({ signal: controller.signal, headers });
      if (response.ok) return { data: data as T, response };
      return { failure: errorFromResponse(response, error) };
    } catch (cause) {
      if (caller?.aborted) throw caller.reason;
      if (timedOut) return { failure: new APITimeoutError(`Request timed out after ${timeoutMs} ms`) };
      return {
        failure: new APIConnectionError(`Connection error: ${String((cause as Error)?.message ?? cause)}`, { cause }),
      };
    } finally {
      clearTimeout(timer);
      if (!options.stream) caller?.removeEventListener("abort", onAbort);
    }
  }
}

async function readError(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** How long the server may hold a request that says `Prefer: wait=N` before it answers: N seconds. */
function heldMs(headers: Record<string, string>): number {
  const prefer = Object.entries(headers).find(([name]) => name.toLowerCase() === "prefer")?.[1];
  const match = prefer === undefined ? null : /(?:^|[\s,;])wait=(\d+)/i.exec(prefer);
  return match ? Number(match[1]) * 1000 : 0;
}

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`Sketchreel: ${name} must be a non-negative integer (got ${value})`);
  return value;
}
