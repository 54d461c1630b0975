import type { MiddlewareHandler } from "hono";
import { readConfig } from "../../config.js";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";

export interface RateLimitOptions {
  /** Policy name in `RateLimit-Policy`. */
  policyName?: string;
}

/**
 * Requests-per-minute per API key via the RateLimiter Durable Object. Sets `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy` on every response; 429 +
 * `Retry-After` when the bucket is empty. Runs after api-key auth.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const policyName = options.policyName ?? "per-key";
  return async function rateLimitMiddleware(c, next) {
    const principal = c.get("principal");
    const limit = readConfig(c.env).tiers[principal.tier].requests_per_minute;
    const stub = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(principal.keyId));
    const decision = await stub.take(limit);
    const headers = {
      "RateLimit-Limit": String(decision.limit),
      "RateLimit-Remaining": String(decision.remaining),
      "RateLimit-Reset": String(decision.resetS),
      "RateLimit-Policy": `${decision.limit};w=60;name="${policyName}"`,
    };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (!decision.allowed) {
      throw new ApiError(429, "rate_limited", `rate limit of ${limit} requests per minute exceeded`, {
        retryAfter: decision.retryAfterS,
      });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
