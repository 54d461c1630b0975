import type { Bindings } from "../../env.js";
import { cacheHits } from "../../jobs/cache-hits.js";
import { logEvent } from "../../log.js";
import { ObjectStore, s3Settings } from "../../storage/s3.js";
import type { JobTable } from "./job-table.js";
import type { WebhookOutbox } from "./webhook-outbox.js";

/** Finished jobs removed per alarm (the alarm comes back at once while more are due). */
export const RETENTION_BATCH = 25;
/** After a failed object delete the record stays, and is tried again this much later. */
export const RETENTION_RETRY_MS = 60 * 60 * 1000;

/**
 * Delete finished jobs past their retention (`expires_ms`, from their tier's `retention_days`):
 * first every object under the job's prefix, then — only once storage confirmed — the record, its
 * webhook delivery log (an erase handoff through the outbox, in the same transaction) and its
 * result-cache entry. A job whose objects could not all be deleted keeps its record and is tried
 * again an hour later, so nothing is left in the bucket without a record pointing at it (the S3
 * lifecycle rule of DEPLOY.md is the backstop). Returns how many records were deleted.
 */
export async function sweepRetention(
  env: Bindings,
  jobs: JobTable,
  outbox: WebhookOutbox,
  storage: DurableObjectStorage,
  now: number,
): Promise<number> {
  const expired = jobs.expired(now, RETENTION_BATCH);
  if (expired.length === 0) return 0;
  const store = new ObjectStore(s3Settings(env));
  const results = await Promise.all(
    expired.map(async (job) => {
      try {
        const failed = await store.deletePrefix(job.output_prefix);
        if (failed.length === 0) return { job, ok: true };
        logEvent("error", "retention_delete_failed", { video_id: job.id, keys: failed });
      } catch (error) {
        logEvent("error", "retention_delete_failed", { video_id: job.id, error: String(error) });
      }
      return { job, ok: false };
    }),
  );
  const done = results.filter((r) => r.ok).map((r) => r.job);
  storage.transactionSync(() => {
    for (const job of done) {
      jobs.delete(job.id);
      outbox.addErase(job.id, now);
    }
    for (const { job } of results.filter((r) => !r.ok)) jobs.postponeExpiry(job.id, now + RETENTION_RETRY_MS);
  });
  // The KV entry expires with the job anyway (`expiration` = its retention end): a failed delete only logs.
  await Promise.all(
    done.map((job) =>
      cacheHits
        .forget(env, job)
        .catch((error: unknown) =>
          logEvent("warn", "result_forget_failed", { video_id: job.id, error: String(error) }),
        ),
    ),
  );
  for (const job of done) {
    logEvent("info", "video_expired", { video_id: job.id, tenant_id: job.tenant_id, status: job.status });
  }
  return done.length;
}
