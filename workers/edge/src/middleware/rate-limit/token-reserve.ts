import type { RateDecision, RateGrant } from "../../durable/rate-limiter.js";

/** The key's RateLimiter Durable Object, as far as this module needs it. */
export interface Bucket {
  reserve(limitPerMinute: number, want: number): Promise<RateGrant>;
}

interface Reserve {
  limit: number;
  /** Tokens granted to this isolate and not spent yet; void from `resetAt` on. */
  tokens: number;
  /** The bucket's own count after its last answer. */
  bucketRemaining: number;
  resetAt: number;
  /** How many tokens to fetch ahead: about `SYNC_MS` of this isolate's traffic on the key. */
  batch: number;
  takesSinceSync: number;
  syncedAt: number;
  refilling: boolean;
}

/** An isolate holds about this much of a key's traffic in tokens ahead of its requests. */
export const SYNC_MS = 1_000;
/** …and never more than this share of the key's limit (the early-refusal bound per isolate). */
export const MAX_RESERVE_SHARE = 0.05;
const MAX_KEYS = 10_000;
const WINDOW_S = 60;

const reserves = new Map<string, Reserve>();

/**
 * Spend one token of `key`'s bucket, from this isolate's reserve when it holds one (no Durable
 * Object hop), else straight from the bucket. A hot key's reserve is topped up in the background
 * (`defer`, i.e. `waitUntil`) before it runs dry, about once per `SYNC_MS`.
 *
 * Exact where it matters: every admitted request spends a token the bucket granted exactly once,
 * so no key is ever admitted more than its limit per window, across any number of isolates; a
 * request that finds the reserve empty asks the bucket for exactly one token; once the bucket
 * said it is empty, this isolate answers 429 without asking until the window resets. The only
 * approximation: tokens an isolate holds and does not spend before the reset are lost to the
 * key's other isolates, so a key can be refused early by at most the sum of those reserves:
 * per isolate ≤ `MAX_RESERVE_SHARE` of the limit and ≤ about `SYNC_MS` of its traffic. Prefetching
 * stops while the bucket holds less than two batches, so the last tokens go one per request.
 * `RateLimit` remaining is the bucket's count plus this isolate's unspent tokens (exact with one
 * isolate; with several it over-states what is left by what the others hold).
 */
export async function spendToken(
  key: string,
  limit: number,
  bucket: () => Bucket,
  defer: (work: Promise<unknown>) => void,
  now = Date.now(),
): Promise<RateDecision> {
  let reserve = reserves.get(key);
  if (!reserve || reserve.limit !== limit || now >= reserve.resetAt) {
    reserve = freshReserve(limit, now);
    remember(key, reserve);
  }
  reserve.takesSinceSync += 1;
  if (reserve.tokens === 0 && reserve.bucketRemaining > 0) {
    adopt(reserve, await bucket().reserve(limit, 1), Date.now());
  }
  if (reserve.tokens === 0) return decision(reserve, false, Date.now());
  reserve.tokens -= 1;
  const canPrefetch = reserve.bucketRemaining >= 2 * reserve.batch;
  if (!reserve.refilling && reserve.batch > 1 && reserve.tokens < reserve.batch / 2 && canPrefetch) {
    const topping = reserve;
    topping.refilling = true;
    defer(
      bucket()
        .reserve(limit, topping.batch - topping.tokens)
        .then((grant) => adopt(topping, grant, Date.now()))
        .finally(() => {
          topping.refilling = false;
        }),
    );
  }
  return decision(reserve, true, Date.now());
}

function freshReserve(limit: number, now: number): Reserve {
  return {
    limit,
    tokens: 0,
    bucketRemaining: limit,
    resetAt: Number.POSITIVE_INFINITY,
    batch: 1,
    takesSinceSync: 0,
    syncedAt: now,
    refilling: false,
  };
}

/** Take a grant into the reserve and size the next batch from the traffic since the last one. */
function adopt(reserve: Reserve, grant: RateGrant, now: number): void {
  // A grant of a newer window voids what is left of the previous one (the bucket refilled).
  reserve.tokens = grant.resetAt === reserve.resetAt ? reserve.tokens + grant.granted : grant.granted;
  reserve.bucketRemaining = grant.remaining;
  reserve.resetAt = grant.resetAt;
  const elapsed = Math.max(1, now - reserve.syncedAt);
  const cap = Math.max(1, Math.floor(reserve.limit * MAX_RESERVE_SHARE));
  reserve.batch = Math.min(cap, Math.max(1, Math.ceil((reserve.takesSinceSync * SYNC_MS) / elapsed)));
  reserve.takesSinceSync = 0;
  reserve.syncedAt = now;
}

function decision(reserve: Reserve, allowed: boolean, now: number): RateDecision {
  const finite = Number.isFinite(reserve.resetAt) ? reserve.resetAt : now + WINDOW_S * 1000;
  // The bucket's clock may run a little ahead of this isolate's: never more than one window.
  const resetS = Math.min(WINDOW_S, Math.max(1, Math.ceil((finite - now) / 1000)));
  return {
    allowed,
    limit: reserve.limit,
    remaining: reserve.bucketRemaining + reserve.tokens,
    resetS,
    retryAfterS: allowed ? 0 : resetS,
  };
}

function remember(key: string, reserve: Reserve): void {
  reserves.delete(key);
  if (reserves.size >= MAX_KEYS) {
    const oldest = reserves.keys().next().value;
    if (oldest !== undefined) reserves.delete(oldest);
  }
  reserves.set(key, reserve);
}
