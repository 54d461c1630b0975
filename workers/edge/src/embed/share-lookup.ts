import { isTerminal, type JobState, type Variant } from "@sketchreel/contract";
import type { Context } from "hono";
import { readConfig } from "../config.js";
import { shareQueue } from "../durable/shards/index.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";
import type { JobRecord } from "../jobs/job-record.js";
import { formatRateLimitHeaders } from "../middleware/rate-limit/headers.js";
import { TtlCache } from "../ttl-cache.js";

/** What a public share page needs of a video: no tenant, key, webhook or metadata. */
export interface ShareSnapshot {
  share_id: string;
  prompt: string;
  status: JobState;
  width: number;
  height: number;
  outputs: { variant: Variant; key: string }[];
}

export type ShareLookup = { snapshot: ShareSnapshot | null; cache: "HIT" | "MISS" };

/** Queued and running videos change soon: their snapshot lives this long at most. */
const ACTIVE_TTL_S = 5;
const ISOLATE_TTL_MS = 5_000;
const memo = new TtlCache<ShareSnapshot | null>(ISOLATE_TTL_MS, 1_000);

/**
 * The share page's data for `shareId`, from this isolate's memo (5 s), else the data centre's edge
 * cache (`caches.default`, `EMBED_CACHE_TTL_S`; 5 s while the video is still queued or running),
 * else the JobQueue. Only that last step costs a queue round trip, and each client IP may take it
 * `EMBED_LOOKUPS_PER_MINUTE` times a minute (429 after). Unknown ids are cached too (as null).
 */
export async function lookupShare(c: Context<AppEnv>, shareId: string): Promise<ShareLookup> {
  const memoized = memo.get(shareId);
  if (memoized !== undefined) return { snapshot: memoized, cache: "HIT" };
  const key = cacheKey(c, shareId);
  const cached = await caches.default.match(key);
  if (cached) {
    const { snapshot } = (await cached.json()) as { snapshot: ShareSnapshot | null };
    memo.set(shareId, snapshot);
    return { snapshot, cache: "HIT" };
  }
  await takeLookupToken(c);
  const job = (await shareQueue(c.env, shareId)?.getByShareId(shareId)) ?? null;
  const snapshot = job ? snapshotOf(job) : null;
  const config = readConfig(c.env);
  const ttl = snapshot && !isTerminal(snapshot.status) ? ACTIVE_TTL_S : config.embedCacheTtlS;
  const entry = new Response(JSON.stringify({ snapshot }), {
    headers: { "content-type": "application/json", "cache-control": `public, max-age=${ttl}` },
  });
  c.executionCtx.waitUntil(caches.default.put(key, entry));
  memo.set(shareId, snapshot);
  return { snapshot, cache: "MISS" };
}

/**
 * Forget a deleted video's share at once in this isolate and this data centre; elsewhere the
 * entries expire within `EMBED_CACHE_TTL_S` (the Cache API purges one location only).
 */
export async function forgetShare(c: Context<AppEnv>, shareId: string): Promise<void> {
  memo.delete(shareId);
  await caches.default.delete(cacheKey(c, shareId));
}

export function snapshotOf(job: JobRecord): ShareSnapshot {
  return {
    share_id: job.share_id,
    prompt: job.prompt,
    status: job.status,
    width: job.params.width,
    height: job.params.height,
    outputs: job.outputs.map((o) => ({ variant: o.variant, key: o.key })),
  };
}

const cacheKey = (c: Context<AppEnv>, shareId: string) =>
  new Request(`${new URL(c.req.url).origin}/__share-lookup/${encodeURIComponent(shareId)}`);

/** One token of the caller's per-IP bucket (the RateLimiter DO of that address), or 429. */
async function takeLookupToken(c: Context<AppEnv>): Promise<void> {
  const limit = readConfig(c.env).embedLookupsPerMinute;
  const client = clientNetwork(c.req.header("cf-connecting-ip"));
  const stub = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(`share-lookup:${client}`));
  const decision = await stub.take(limit);
  if (!decision.allowed) {
    const policy = { policy: "share-lookups", quota: limit, windowS: 60, remaining: 0, resetS: decision.resetS };
    throw new ApiError(429, "rate_limited", `more than ${limit} uncached share lookups a minute from this address`, {
      retryAfter: decision.retryAfterS,
      headers: formatRateLimitHeaders(policy),
    });
  }
}

/**
 * The rate-limited unit of a client address: the IPv4 address, or the /64 of an IPv6 one (a single
 * host usually holds a whole /64). Without the header (local runs) every client shares one bucket.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
