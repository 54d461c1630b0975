import { parseRetryAfter, type RetryPolicy, type RetryVerdict } from "../retry/backoff.js";

/** Runner → S3: a few quick retries; an object upload is idempotent (same key, same bytes). */
export const S3_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

const RETRYABLE_CODES = new Set([
  "SlowDown",
  "RequestTimeout",
  "RequestTimeTooSkewed",
  "InternalError",
  "ServiceUnavailable",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "UND_ERR_SOCKET"]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  $retryable?: unknown;
}

/**
 * Retryable: throttling, timeouts, 5xx and connection failures. Permanent: everything else, such as
 * a bad signature, missing bucket or access denied (retrying cannot fix those).
 */
export function classifyS3Error(error: unknown): RetryVerdict {
  const e = (error ?? {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  const retryAfterMs = parseRetryAfter(e.$response?.headers?.["retry-after"]);
  const verdict = (retryable: boolean): RetryVerdict =>
    retryAfterMs === undefined ? { retryable } : { retryable, retryAfterMs };
  if (status !== undefined)
    return verdict(status === 408 || status === 429 || status >= 500 || RETRYABLE_CODES.has(e.name ?? ""));
  if (e.$retryable) return verdict(true);
  if (NETWORK_CODES.has(e.code ?? "") || NETWORK_CODES.has(e.name ?? "")) return verdict(true);
  return verdict(e.name === "TimeoutError" || e.name === "RequestTimeout");
}
