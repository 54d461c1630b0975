import type { Bindings } from "../env.js";
import { logEvent } from "../log.js";
import { TtlCache } from "../ttl-cache.js";
import type { JobRecord } from "./job-record.js";

const memo = new TtlCache<JobRecord>(5_000, 1_000);
/**
 * Validated request bodies this isolate prepared (tenant + body → cache key). Preparing (safety
 * filter, vocabulary gate, template, limits, SHA-256 cache key) is a pure function of the body
 * within one deployment, so a repeat can skip it; bodies over 2 KiB are not remembered.
 */
const prepared = new TtlCache<string>(60_000, 1_000);
const MAX_REMEMBERED_BODY = 2_048;
const requestKey = (tenantId: string, body: unknown) => {
  const text = JSON.stringify(body);
  return text.length <= MAX_REMEMBERED_BODY ? `${tenantId}\n${text}` : null;
};
const memoKey = (tenantId: string, cacheKey: string) => `${tenantId}\n${cacheKey}`;
/** KV key of a succeeded result: tenant + cache key (each tenant has its own cache). */
const resultKey = (tenantId: string, cacheKey: string) => `hit:${tenantId}:${cacheKey}`;

/** How long a data centre may keep a KV read (KV's minimum): part of the staleness bound after a delete. */
export const RESULT_READ_CACHE_S = 30;
/** KV refuses an expiration closer than 60 s. */
const MIN_EXPIRATION_S = 60;

/**
 * Result-cache hits without a Durable Object: (tenant, cache key) → the succeeded job, first from
 * this isolate's memo (5 s, at most 1 000), then from the `RESULTS` KV namespace, written when a
 * fixed-seed job succeeds and deleted when it is deleted or expires. Succeeded jobs no longer
 * change, so a copy is as good as the record until a delete: one through this isolate forgets it
 * at once; elsewhere a deleted video can still be served as a hit for up to 5 s (memo) + 30 s (KV's
 * read cache) + KV's propagation of the delete (Cloudflare: typically within 60 s); its objects are
 * deleted meanwhile. A miss asks the tenant's JobQueue shard, which stays the source of truth.
 */
export const cacheHits = {
  /** The tenant's succeeded video for this cache key, without a Durable Object; undefined on a miss. */
  async find(env: Bindings, tenantId: string, cacheKey: string): Promise<JobRecord | undefined> {
    const memoized = memo.get(memoKey(tenantId, cacheKey));
    if (memoized) return memoized;
    const stored = await env.RESULTS.get<JobRecord>(resultKey(tenantId, cacheKey), {
      type: "json",
      cacheTtl: RESULT_READ_CACHE_S,
    });
    if (stored?.status !== "succeeded" || stored.tenant_id !== tenantId) return undefined;
    memo.set(memoKey(tenantId, cacheKey), stored);
    return stored;
  },

  /**
   * The hit for a validated request body this isolate has prepared before (no preparing, no
   * Durable Object); undefined when the body is new here or its result is not a hit (yet).
   */
  async findRepeat(env: Bindings, tenantId: string, body: unknown): Promise<JobRecord | undefined> {
    const key = requestKey(tenantId, body);
    const cacheKey = key === null ? undefined : prepared.get(key);
    return cacheKey === undefined ? undefined : cacheHits.find(env, tenantId, cacheKey);
  },

  /** Remember what a fixed-seed body prepared to, for `findRepeat`. */
  notePrepared(tenantId: string, body: unknown, cacheKey: string): void {
    const key = requestKey(tenantId, body);
    if (key !== null) prepared.set(key, cacheKey);
  },

  /** Memoize a hit the JobQueue answered. */
  remember(job: JobRecord): void {
    if (job.status === "succeeded") memo.set(memoKey(job.tenant_id, job.cache_key), job);
  },

  /** Publish a succeeded fixed-seed job to KV (until its retention ends), so other isolates hit it too. */
  async publish(env: Bindings, job: JobRecord, now = Date.now()): Promise<void> {
    if (job.status !== "succeeded" || !job.seed_fixed) return;
    const expiration = Math.floor((job.expires_ms ?? now + 30 * 86_400_000) / 1000);
    if (expiration - now / 1000 < MIN_EXPIRATION_S) return;
    try {
      await env.RESULTS.put(resultKey(job.tenant_id, job.cache_key), JSON.stringify(job), { expiration });
    } catch (error) {
      // KV allows one write per key and second: a concurrent publish of the same result is enough.
      logEvent("warn", "result_publish_failed", { video_id: job.id, error: String(error) });
    }
  },

  /** Forget a deleted or expired job: here at once, in KV (other data centres as above). */
  async forget(env: Bindings, job: JobRecord): Promise<void> {
    memo.delete(memoKey(job.tenant_id, job.cache_key));
    if (job.seed_fixed !== false) await env.RESULTS.delete(resultKey(job.tenant_id, job.cache_key));
  },
};
