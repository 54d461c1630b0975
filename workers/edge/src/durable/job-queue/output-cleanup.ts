import type { VideoEventType } from "@sketchreel/contract";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { logEvent } from "../../log.js";
import { ObjectStore, s3Settings } from "../../storage/s3.js";

/**
 * What called for a cleanup: a job that succeeded after a retry keeps only the completing
 * attempt's objects; one that ended failed or canceled, or whose record was deleted or expired,
 * keeps none.
 */
export type CleanupReason = "completed" | "ended" | "deleted" | "expired";

export interface CleanupRow {
  seq: number;
  videoId: string;
  prefix: string;
  keep: string[];
  reason: CleanupReason;
  attempts: number;
}

type Stored = {
  seq: number;
  video_id: string;
  output_prefix: string;
  keep: string;
  reason: CleanupReason;
  attempts: number;
};

/** Rows cleaned per alarm (the alarm comes back at once while more are due). */
export const CLEANUP_BATCH = 25;
/** Failed cleanups are tried again after 1 s, 2 s, 4 s … then hourly, for as long as storage refuses. */
export const CLEANUP_RETRY_MAX_MS = 60 * 60 * 1000;
/** Failures in a row before a cleanup is logged as an error rather than a warning (≈ 4 min). */
const WARN_ATTEMPTS = 8;

/**
 * The durable half of output cleanup: a video's bucket prefix is kept to exactly what its record
 * says. A row is written in the same transaction as the state change that calls for it (a job
 * ended, or its record removed), and leaves only once storage confirmed every other key gone, so
 * nothing is left in the bucket without something that will delete it. Runners only ever PUT;
 * the JobQueue's alarm (`cleanUpDue`) is the one place outputs are deleted.
 */
export class OutputCleanup {
  constructor(private readonly sql: SqlStorage) {}

  /** Record the cleanup a transition calls for, if any (the caller's transaction); true when recorded. */
  afterStep(job: JobRecord, event: VideoEventType | null, now: number): boolean {
    if (event === "video.failed" || event === "video.canceled") return this.add(job, [], "ended", now);
    // A job that succeeded on its first attempt has no other attempt's objects to remove.
    if (event !== "video.succeeded" || job.attempts <= 1) return false;
    const winners = job.outputs.map((o) => o.key);
    return this.add(job, winners, "completed", now);
  }

  /** The video's record is gone (deleted, or past its retention): every object of every attempt goes. */
  afterRemoval(job: JobRecord, reason: "deleted" | "expired", now: number): boolean {
    return this.add(job, [], reason, now);
  }

  /** Rows due now, oldest first. */
  due(now: number, limit: number): CleanupRow[] {
    return this.sql
      .exec<Stored>(
        "SELECT seq, video_id, output_prefix, keep, reason, attempts FROM output_cleanup WHERE next_at <= ? ORDER BY next_at LIMIT ?",
        now,
        limit,
      )
      .toArray()
      .map((r) => ({
        seq: r.seq,
        videoId: r.video_id,
        prefix: r.output_prefix,
        keep: JSON.parse(r.keep) as string[],
        reason: r.reason,
        attempts: r.attempts,
      }));
  }

  /** Storage confirmed the prefix clean. A row replaced meanwhile (a newer `seq`) stays. */
  done(row: CleanupRow): void {
    this.sql.exec("DELETE FROM output_cleanup WHERE seq = ?", row.seq);
  }

  /** The cleanup failed: try again after 1 s, 2 s, 4 s … at most an hour. Returns when. */
  retryLater(row: CleanupRow, now: number): number {
    const at = now + Math.min(CLEANUP_RETRY_MAX_MS, 1000 * 2 ** row.attempts);
    this.sql.exec("UPDATE output_cleanup SET attempts = attempts + 1, next_at = ? WHERE seq = ?", at, row.seq);
    return at;
  }

  earliestDue(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(next_at) AS t FROM output_cleanup").one().t ?? null;
  }

  /**
   * One row per video, due now. A newer row replaces an older one (new `seq`, attempts from 0): a
   * video only ever moves to keeping less (succeeded → deleted or expired), and a cleanup in flight
   * for the old row can then no longer remove the new one.
   */
  private add(job: JobRecord, keep: string[], reason: CleanupReason, now: number): boolean {
    // Never leased: no runner was ever given the prefix, so nothing can be under it.
    if (job.started_at === null) return false;
    this.sql.exec(
      "INSERT OR REPLACE INTO output_cleanup (video_id, output_prefix, keep, reason, attempts, next_at) VALUES (?, ?, ?, ?, 0, ?)",
      job.id,
      job.output_prefix,
      JSON.stringify(keep),
      reason,
      now,
    );
    return true;
  }
}

/**
 * Clean the due prefixes: delete every object but the kept ones, and remove a row only once
 * storage confirmed (`deletePrefix` lists again after its deletes). A failure keeps the row for a
 * later alarm (`retryLater`) and is logged; no row is ever given up (the bucket's lifecycle rule,
 * DEPLOY.md, is the backstop). S3 calls are not retried in place: the row's backoff is the one retry
 * policy, and a 5xx storm cannot hold the shard's single alarm (leases, webhook handoffs) for long.
 */
export async function cleanUpDue(cleanup: OutputCleanup, env: Bindings): Promise<void> {
  const rows = cleanup.due(Date.now(), CLEANUP_BATCH);
  if (rows.length === 0) return;
  const store = new ObjectStore(s3Settings(env), { retries: 0 });
  await Promise.all(
    rows.map(async (row) => {
      const result = await cleanPrefix(store, row);
      if ("keys" in result && result.keys.length === 0) {
        cleanup.done(row);
        if (row.attempts > 0)
          logEvent("info", "output_cleanup_done", { video_id: row.videoId, attempts: row.attempts });
        return;
      }
      const attempts = row.attempts + 1;
      const nextAt = cleanup.retryLater(row, Date.now());
      logEvent(attempts < WARN_ATTEMPTS ? "warn" : "error", "output_cleanup_failed", {
        video_id: row.videoId,
        reason: row.reason,
        attempts,
        next_attempt_at: new Date(nextAt).toISOString(),
        ...result,
      });
    }),
  );
}

/** The keys under the prefix that should not be there after the cleanup (none: confirmed), or the error. */
async function cleanPrefix(store: ObjectStore, row: CleanupRow): Promise<{ keys: string[] } | { error: string }> {
  try {
    return { keys: await store.deletePrefix(row.prefix, new Set(row.keep)) };
  } catch (error) {
    return { error: String(error) };
  }
}
