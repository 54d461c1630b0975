import type { VideoEventType } from "@sketchreel/contract";
import { newId } from "../../crypto.js";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { logEvent } from "../../log.js";
import { dispatcherStub } from "../webhook-dispatcher.js";

/** A caller that wants a job's terminal event: the request that created it, or one attached to it. */
export interface Subscriber {
  webhook_url: string;
  metadata: Record<string, string>;
}

/** What the JobQueue hands to a video's WebhookDispatcher. */
export type Handoff =
  | {
      kind: "event";
      id: string;
      videoId: string;
      tenantId: string;
      type: VideoEventType;
      /** The job as this subscriber sees it: its own `webhook_url` and `metadata`. */
      job: JobRecord;
      cached: boolean;
      createdAt: number;
    }
  | { kind: "erase"; id: string; videoId: string };

const TERMINAL_EVENTS: readonly VideoEventType[] = ["video.succeeded", "video.failed", "video.canceled"];
const RETRY_MAX_MS = 60_000;

/**
 * The durable half of the JobQueue → WebhookDispatcher handoff. A terminal event is written here in
 * the same transaction as the job's new state, and a row leaves only once the dispatcher has
 * acknowledged it, so a crash between "job succeeded" and "dispatcher accepted" loses nothing:
 * the JobQueue's alarm drains the rows until each is acknowledged (at least once; the dispatcher
 * ignores an event id it already holds).
 */
export class WebhookOutbox {
  constructor(private readonly sql: SqlStorage) {}

  /** Another caller attached to `jobId` (single-flight) and wants its terminal event too. */
  subscribe(jobId: string, subscriber: Subscriber): void {
    this.sql.exec(
      "INSERT INTO webhook_subscribers (job_id, webhook_url, metadata) VALUES (?, ?, ?)",
      jobId,
      subscriber.webhook_url,
      JSON.stringify(subscriber.metadata),
    );
  }

  /** Queue a terminal event for the job's own webhook and every subscriber's; true when any was queued. */
  addTerminal(job: JobRecord, type: VideoEventType | null, now: number): boolean {
    if (!type || !TERMINAL_EVENTS.includes(type)) return false;
    const attached = this.sql
      .exec<{ webhook_url: string; metadata: string }>(
        "SELECT webhook_url, metadata FROM webhook_subscribers WHERE job_id = ? ORDER BY seq",
        job.id,
      )
      .toArray()
      .map((row) => ({ webhook_url: row.webhook_url, metadata: JSON.parse(row.metadata) as Record<string, string> }));
    const own = job.webhook_url ? [{ webhook_url: job.webhook_url, metadata: job.metadata }] : [];
    const subscribers = [...own, ...attached];
    for (const subscriber of subscribers) this.addEvent(job, type, subscriber, false, now);
    this.sql.exec("DELETE FROM webhook_subscribers WHERE job_id = ?", job.id);
    return subscribers.length > 0;
  }

  /** A cache hit with a webhook: the caller gets `video.succeeded` for the existing video. */
  addCached(job: JobRecord, subscriber: Subscriber, now: number): void {
    this.addEvent(job, "video.succeeded", subscriber, true, now);
  }

  /** The video was deleted: drop what was not handed off yet, and have the dispatcher erase its log. */
  addErase(videoId: string, now: number): void {
    this.sql.exec("DELETE FROM webhook_subscribers WHERE job_id = ?", videoId);
    this.sql.exec("DELETE FROM webhook_outbox WHERE video_id = ?", videoId);
    this.insert({ kind: "erase", id: `erase:${videoId}`, videoId }, now);
  }

  /** Rows due for handoff, oldest first. */
  due(now: number, limit: number): Handoff[] {
    return this.sql
      .exec<{ doc: string }>("SELECT doc FROM webhook_outbox WHERE next_at <= ? ORDER BY next_at LIMIT ?", now, limit)
      .toArray()
      .map((row) => JSON.parse(row.doc) as Handoff);
  }

  /** The dispatcher acknowledged the row. */
  done(id: string): void {
    this.sql.exec("DELETE FROM webhook_outbox WHERE id = ?", id);
  }

  /** The handoff failed: try again after 1 s, 2 s, 4 s … at most a minute. */
  retryLater(id: string, now: number): void {
    const row = this.sql
      .exec<{ attempts: number }>("SELECT attempts FROM webhook_outbox WHERE id = ?", id)
      .toArray()[0];
    if (!row) return;
    const delay = Math.min(RETRY_MAX_MS, 1000 * 2 ** row.attempts);
    this.sql.exec("UPDATE webhook_outbox SET attempts = attempts + 1, next_at = ? WHERE id = ?", now + delay, id);
  }

  earliestDue(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(next_at) AS t FROM webhook_outbox").one().t ?? null;
  }

  /** Rows waiting for an acknowledgement (the reliability report counts them). */
  pending(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_outbox").one().n;
  }

  private addEvent(job: JobRecord, type: VideoEventType, subscriber: Subscriber, cached: boolean, now: number) {
    const view = { ...job, webhook_url: subscriber.webhook_url, metadata: subscriber.metadata };
    const id = newId("evt");
    this.insert(
      { kind: "event", id, videoId: job.id, tenantId: job.tenant_id, type, job: view, cached, createdAt: now },
      now,
    );
  }

  private insert(handoff: Handoff, now: number): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO webhook_outbox (id, video_id, doc, attempts, next_at) VALUES (?, ?, ?, 0, ?)",
      handoff.id,
      handoff.videoId,
      JSON.stringify(handoff),
      now,
    );
  }
}

/** Outbox rows handed off per alarm (more wait for the next one, set at once). */
const HANDOFF_BATCH = 50;

/** Hand due outbox rows to their dispatchers; a row stays until its dispatcher acknowledges it. */
export async function handOffDue(outbox: WebhookOutbox, env: Bindings): Promise<void> {
  const due = outbox.due(Date.now(), HANDOFF_BATCH);
  await Promise.all(
    due.map(async (handoff) => {
      try {
        await dispatcherStub(env, handoff.videoId).accept(handoff);
        outbox.done(handoff.id);
      } catch (err) {
        outbox.retryLater(handoff.id, Date.now());
        logEvent("warn", "webhook_handoff_failed", { video_id: handoff.videoId, id: handoff.id, message: String(err) });
      }
    }),
  );
}
