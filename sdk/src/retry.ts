/**
 * The SDK's one retry policy: which answers are retried and how long to wait before the next try.
 * 408, 429 and 5xx are retried, as are connection errors and timeouts. A 409 is retried only when
 * the API says a retry can succeed by sending `Retry-After`: the API's own 409s (`conflict`,
 * `not_ready`) answer the same way every time. `Retry-After` (seconds or an HTTP date) and
 * `retry-after-ms` win over the computed backoff; otherwise exponential backoff with jitter.
 */

export const RETRY_DEFAULTS = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  /** A server asking to wait longer than this is not retried: the error surfaces at once. */
  maxRetryAfterMs: 60_000,
} as const;

/** Whether an error answer is worth another try; `headers` decide for a 409. */
export function isRetryableStatus(status: number, headers?: Headers): boolean {
  if (status === 409) return headers !== undefined && retryAfterMs(headers) !== undefined;
  return status === 408 || status === 429 || status >= 500;
}

/** Milliseconds the server asked to wait, or `undefined` if it did not say (or said nonsense). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff (`initial × 2^retry`, capped) minus up to 25 % jitter, so clients spread out. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_DEFAULTS.initialDelayMs * 2 ** retry, RETRY_DEFAULTS.maxDelayMs);
  return base * (1 - 0.25 * random());
}

/**
 * How long to wait before retry number `retry` (0-based), or `undefined` to give up now because the
 * server's `Retry-After` is longer than we are willing to wait.
 */
export function retryDelayMs(retry: number, headers: Headers | undefined): number | undefined {
  const asked = headers ? retryAfterMs(headers) : undefined;
  if (asked === undefined) return backoffMs(retry);
  return asked <= RETRY_DEFAULTS.maxRetryAfterMs ? asked : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
