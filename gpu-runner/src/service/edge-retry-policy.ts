import { parseRetryAfter, type RetryPolicy, type RetryVerdict } from "../retry/backoff.js";

/**
 * Runner → edge: more patience than S3 (a job's result must reach the edge), still bounded; the
 * lease TTL is the hard limit anyway. Same shape as `S3_RETRY_POLICY`.
 */
export const EDGE_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 15_000,
};

/** A non-2xx answer from the edge, with its problem+json body when it sent one. */
export class EdgeHttpError extends Error {
  override readonly name: string = "EdgeHttpError";
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly retryAfter: string | null,
  ) {
    super(`edge answered ${status}${code ? ` ${code}` : ""}: ${detail}`);
  }
}

/** 409 on heartbeat/complete/fail: another runner owns the job now, or it ended. Drop the work. */
export class LeaseLostError extends EdgeHttpError {
  override readonly name = "LeaseLostError";
}

/** Retry 408, 429, 5xx and network failures (honouring Retry-After); never 4xx such as 401, 404, 409, 422. */
export function classifyEdgeError(error: unknown): RetryVerdict {
  if (error instanceof EdgeHttpError) {
    const retryable = error.status === 408 || error.status === 429 || error.status >= 500;
    const retryAfterMs = parseRetryAfter(error.retryAfter);
    return retryAfterMs === undefined ? { retryable } : { retryable, retryAfterMs };
  }
  // fetch() rejects with TypeError("fetch failed") on connection errors, TimeoutError on our own timeout.
  const name = (error as Error | undefined)?.name;
  return { retryable: name === "TypeError" || name === "TimeoutError" };
}
