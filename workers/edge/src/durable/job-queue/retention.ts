import type { Bindings } from "../../env.js";
import { cacheHits } from "../../jobs/cache-hits.js";
import { logEvent } from "../../log.js";
import type { JobTable } from "./job-table.js";
import type { OutputCleanup } from "./output-cleanup.js";
import type { WebhookOutbox } from "./webhook-outbox.js";

/** Finished jobs removed per alarm (the alarm comes back at once while more are due). */
export const RETENTION_BATCH = 25;

/**
 * Delete finished jobs past their retention (`expires_ms`, from their tier's `retention_days`): in
 * one transaction the record, its webhook delivery log (an erase handoff through the outbox) and a
 * cleanup row for every object under its prefix, which the same alarm then drains (`cleanUpDue`,
 * retried until storage confirms); then its result-cache entry. The cleanup row replaces any row
 * still pending for the video (a keep-list of a completion becomes "keep nothing"), so nothing is
 * left in the bucket without something that will delete it. Returns how many records were deleted.
 */
export async function sweepRetention(
  env: Bindings,
  tables: { jobs: JobTable; outbox: WebhookOutbox; cleanup: OutputCleanup },
  storage: DurableObjectStorage,
  now: number,
): Promise<number> {
  const { jobs, outbox, cleanup } = tables;
  const expired = jobs.expired(now, RETENTION_BATCH);
  if (expired.length === 0) return 0;
  storage.transactionSync(() => {
    for (const job of expired) {
      jobs.delete(job.id);
      outbox.addErase(job.id, now);
      cleanup.afterRemoval(job, "expired", now);
    }
  });
  // The KV entry expires with the job anyway (`expiration` = its retention end): a failed delete only logs.
  await Promise.all(
    expired.map((job) =>
      cacheHits
        .forget(env, job)
        .catch((error: unknown) =>
          logEvent("warn", "result_forget_failed", { video_id: job.id, error: String(error) }),
        ),
    ),
  );
  for (const job of expired) {
    logEvent("info", "video_expired", { video_id: job.id, tenant_id: job.tenant_id, status: job.status });
  }
  return expired.length;
}
