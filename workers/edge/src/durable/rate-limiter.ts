import { DurableObject } from "cloudflare:workers";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket refills. */
  resetS: number;
  /** Seconds to wait before retrying (0 when allowed). */
  retryAfterS: number;
}

const WINDOW_MS = 60_000;

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * A token bucket per API key (requests per minute), refilled in full once a minute after its
 * first use. One Durable Object per key: its single thread and synchronous storage make `take`
 * atomic, so concurrent requests are never over-admitted (200 at once against 50 admit exactly 50).
 */
export class RateLimiter extends DurableObject {
  private bucket: Bucket | null = null;

  take(limitPerMinute: number, now = Date.now()): RateDecision {
    const bucket = this.bucket ??
      this.ctx.storage.kv.get<Bucket>("bucket") ?? { tokens: limitPerMinute, refilledAt: now };
    if (now - bucket.refilledAt >= WINDOW_MS) {
      bucket.refilledAt = now - ((now - bucket.refilledAt) % WINDOW_MS);
      bucket.tokens = limitPerMinute;
    }
    bucket.tokens = Math.min(bucket.tokens, limitPerMinute);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.bucket = bucket;
    // Persisted for restarts, without holding the answer until the write is confirmed: the
    // in-memory bucket is authoritative while the object lives.
    void this.ctx.storage.put("bucket", bucket, { allowUnconfirmed: true });
    const resetS = Math.max(1, Math.ceil((bucket.refilledAt + WINDOW_MS - now) / 1000));
    return { allowed, limit: limitPerMinute, remaining: bucket.tokens, resetS, retryAfterS: allowed ? 0 : resetS };
  }
}
