import { TtlCache } from "../ttl-cache.js";
import type { JobRecord } from "./job-record.js";

const memo = new TtlCache<JobRecord>(5_000, 1_000);
const memoKey = (tenantId: string, cacheKey: string) => `${tenantId}\n${cacheKey}`;

/**
 * Result-cache hits of this isolate: (tenant, cache key) → the succeeded job, so a repeated
 * request skips the JobQueue round trip. Only succeeded jobs are kept (they no longer change);
 * deleting one through this isolate forgets it at once, other isolates within 5 s. A miss asks the
 * JobQueue, which stays the source of truth.
 */
export const cacheHits = {
  get: (tenantId: string, cacheKey: string): JobRecord | undefined => memo.get(memoKey(tenantId, cacheKey)),
  remember(job: JobRecord): void {
    if (job.status === "succeeded") memo.set(memoKey(job.tenant_id, job.cache_key), job);
  },
  forget: (job: JobRecord): void => memo.delete(memoKey(job.tenant_id, job.cache_key)),
};
