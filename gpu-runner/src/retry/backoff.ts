/**
 * The one retry shape used by the runner on both sides (→ S3 and → edge): bounded attempts,
 * exponential backoff with full jitter, and a server's `Retry-After` honoured (capped).
 * Each side supplies only its policy numbers and a classifier that says what is retryable.
 */

export interface RetryPolicy {
  /** Total tries including the first; 1 disables retries. */
  maxAttempts: number;
  /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs · 2^(n−1))]. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest `Retry-After` that is obeyed; longer values are clamped to this. */
  maxRetryAfterMs: number;
}

export interface RetryVerdict {
  retryable: boolean;
  /** Server-requested wait (from `Retry-After`), if any. */
  retryAfterMs?: number;
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Called before each wait; `attempt` is the try that just failed (1-based). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Delay before the retry that follows failed try `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  verdict: RetryVerdict,
  random: () => number = Math.random,
): number {
  if (verdict.retryAfterMs !== undefined) return Math.min(Math.max(0, verdict.retryAfterMs), policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

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

/** Runs `fn` until it succeeds, a failure is not retryable, or attempts run out (then the last error is thrown). */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  classify: (error: unknown) => RetryVerdict,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.retryable || attempt >= policy.maxAttempts || hooks.signal?.aborted) throw error;
      const delayMs = backoffDelay(attempt, policy, verdict, hooks.random);
      hooks.onRetry?.({ attempt, delayMs, error });
      await (hooks.sleep ?? sleep)(delayMs, hooks.signal);
    }
  }
}
