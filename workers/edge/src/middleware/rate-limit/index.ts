import type { Context, MiddlewareHandler } from "hono";
import { readConfig } from "../../config.js";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";
import { formatRateLimitHeaders, sfString } from "./headers.js";
import { spendToken } from "./token-reserve.js";

export interface RateLimitOptions {
  /** Policy name in `RateLimit-Policy` and `RateLimit`. */
  policyName?: string;
}

/**
 * Requests-per-minute per API key: a token bucket in the key's RateLimiter Durable Object, spent
 * from a per-isolate reserve (`./token-reserve.ts`: never over the limit; the hot path without a
 * Durable Object hop; the early-refusal bound is documented there). Sets `RateLimit-Policy` and
 * `RateLimit` (IETF draft, `./headers.ts`) on every response; 429 + `Retry-After` when the bucket is
 * empty. Runs after api-key auth.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const policyName = options.policyName ?? "per-key";
  sfString(policyName); // throws now, not on the first request, for a name no header can carry
  return async function rateLimitMiddleware(c, next) {
    const principal = c.get("principal");
    const limit = readConfig(c.env).tiers[principal.tier].requests_per_minute;
    const bucket = () => c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(principal.keyId));
    const decision = await spendToken(principal.keyId, limit, bucket, (work) => defer(c, work));
    const headers = formatRateLimitHeaders({
      policy: policyName,
      quota: decision.limit,
      windowS: 60,
      remaining: decision.remaining,
      resetS: decision.resetS,
    });
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

/** Run `work` after the response (`waitUntil`); outside a Workers request (unit tests), just let it run. */
function defer(c: Context<AppEnv>, work: Promise<unknown>): void {
  const settled = work.catch(() => undefined); // a failed top-up only means the next request asks itself
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    // no ExecutionContext: nothing to extend
  }
}
