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

/** An isolate's share of a bucket (`middleware/rate-limit/token-reserve.ts`). */
export interface RateGrant {
  /** Tokens granted now (0 … want); each is one request the caller may admit before `resetAt`. */
  granted: number;
  limit: number;
  /** Tokens left in the bucket after this grant. */
  remaining: number;
  /** Epoch ms when the bucket refills (granted tokens are void from then on). */
  resetAt: number;
}

const WINDOW_MS = 60_000;

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * A token bucket per API key (requests per minute), refilled in full once a minute after its
 * first use. One Durable Object per key: its single thread and synchronous storage make each call
 * atomic, so no token is ever granted twice (200 at once against 50 admit exactly 50). `take`
 * spends one token per request; `reserve` hands an isolate several at once, which it spends
 * locally until `resetAt` (the hot path without a Durable Object hop).
 */
export class RateLimiter extends DurableObject {
  private bucket: Bucket | null = null;

  take(limitPerMinute: number, now = Date.now()): RateDecision {
    const grant = this.reserve(limitPerMinute, 1, now);
    const allowed = grant.granted === 1;
    const resetS = Math.max(1, Math.ceil((grant.resetAt - now) / 1000));
    return { allowed, limit: grant.limit, remaining: grant.remaining, resetS, retryAfterS: allowed ? 0 : resetS };
  }

  reserve(limitPerMinute: number, want: number, now = Date.now()): RateGrant {
    const bucket = this.bucket ??
      this.ctx.storage.kv.get<Bucket>("bucket") ?? { tokens: limitPerMinute, refilledAt: now };
    if (now - bucket.refilledAt >= WINDOW_MS) {
      bucket.refilledAt = now - ((now - bucket.refilledAt) % WINDOW_MS);
      bucket.tokens = limitPerMinute;
    }
    bucket.tokens = Math.min(bucket.tokens, limitPerMinute);
    const granted = Math.max(0, Math.min(Math.floor(want), Math.floor(bucket.tokens)));
    bucket.tokens -= granted;
    this.bucket = bucket;
    // Persisted for restarts, without holding the answer until the write is confirmed: the
    // in-memory bucket is authoritative while the object lives.
    void this.ctx.storage.put("bucket", bucket, { allowUnconfirmed: true });
    return { granted, limit: limitPerMinute, remaining: bucket.tokens, resetAt: bucket.refilledAt + WINDOW_MS };
  }
}
