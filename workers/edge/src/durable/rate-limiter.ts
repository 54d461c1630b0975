import { DurableObject } from "cloudflare:workers";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetS: number;
  /** Seconds until the next token (0 when allowed). */
  retryAfterS: number;
}

/**
 * A token bucket per API key (requests per minute). One Durable Object per key: its single thread
 * and synchronous SQLite make `take` atomic, so concurrent requests can never be over-admitted.
 */
export class RateLimiter extends DurableObject {
  private tokens: number | null = null;
  private updatedAt = 0;

  take(limitPerMinute: number, now = Date.now()): RateDecision {
    this.load(limitPerMinute, now);
    const ratePerMs = limitPerMinute / 60_000;
    const refilled = Math.min(limitPerMinute, (this.tokens ?? limitPerMinute) + (now - this.updatedAt) * ratePerMs);
    const allowed = refilled >= 1;
    const tokens = allowed ? refilled - 1 : refilled;
    this.tokens = tokens;
    this.updatedAt = now;
    this.ctx.storage.kv.put("bucket", { tokens, updatedAt: now });
    return {
      allowed,
      limit: limitPerMinute,
      remaining: Math.floor(tokens),
      resetS: Math.ceil((limitPerMinute - tokens) / ratePerMs / 1000),
      retryAfterS: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)),
    };
  }

  private load(limit: number, now: number): void {
    if (this.tokens !== null) return;
    const saved = this.ctx.storage.kv.get<{ tokens: number; updatedAt: number }>("bucket");
    this.tokens = saved?.tokens ?? limit;
    this.updatedAt = saved?.updatedAt ?? now;
  }
}
