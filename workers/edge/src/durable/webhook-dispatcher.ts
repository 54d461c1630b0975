import { DurableObject } from "cloudflare:workers";
import type { VideoEvent, VideoEventType } from "@sketchreel/contract";
import { type Config, readConfig } from "../config.js";
import { newId } from "../crypto.js";
import type { Bindings } from "../env.js";
import type { JobRecord } from "../jobs/job-record.js";
import { videoFromRecord } from "../jobs/video-from-record.js";
import { logEvent } from "../log.js";
import { signWebhook } from "../webhooks/sign.js";
import { refuseWebhookUrl } from "../webhooks/ssrf.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, url TEXT NOT NULL, body TEXT NOT NULL,
  status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
  event_id TEXT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL,
  status_code INTEGER, error TEXT, duration_ms INTEGER NOT NULL, PRIMARY KEY (event_id, attempt)
);`;

export interface DeliveryLogEntry {
  event_id: string;
  type: VideoEventType;
  status: "pending" | "delivered" | "failed";
  attempts: { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }[];
}

const TIMEOUT_MS = 10_000;

/**
 * Webhook deliveries of one job (one object per video id): Standard Webhooks signatures, retries
 * with exponential backoff driven by alarms, and a delivery log of every attempt.
 */
export class WebhookDispatcher extends DurableObject<Bindings> {
  private readonly config: Config;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
    this.config = readConfig(env);
  }

  async enqueue(job: JobRecord, type: VideoEventType): Promise<string | null> {
    if (!job.webhook_url) return null;
    const event: VideoEvent = {
      id: newId("evt"),
      type,
      created_at: new Date().toISOString(),
      data: await videoFromRecord(job, {
        publicBaseUrl: this.config.publicBaseUrl,
        presignTtlS: this.config.presignTtlS,
      }),
    };
    const sql = "INSERT INTO events (id, type, url, body, status, next_at) VALUES (?, ?, ?, ?, 'pending', ?)";
    this.ctx.storage.sql.exec(sql, event.id, type, job.webhook_url, JSON.stringify(event), Date.now());
    await this.ctx.storage.setAlarm(Date.now());
    return event.id;
  }

  deliveryLog(): DeliveryLogEntry[] {
    const events = this.ctx.storage.sql
      .exec<{ id: string; type: VideoEventType; status: DeliveryLogEntry["status"] }>(
        "SELECT id, type, status FROM events ORDER BY rowid",
      )
      .toArray();
    return events.map((e) => ({
      event_id: e.id,
      type: e.type,
      status: e.status,
      attempts: this.ctx.storage.sql
        .exec<DeliveryLogEntry["attempts"][number]>(
          "SELECT attempt, at, status_code, error, duration_ms FROM deliveries WHERE event_id = ? ORDER BY attempt",
          e.id,
        )
        .toArray(),
    }));
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const due = this.ctx.storage.sql
      .exec<{ id: string; url: string; body: string; attempts: number }>(
        "SELECT id, url, body, attempts FROM events WHERE status = 'pending' AND next_at <= ?",
        now,
      )
      .toArray();
    for (const event of due) await this.deliver(event);
    const next = this.ctx.storage.sql
      .exec<{ t: number | null }>("SELECT MIN(next_at) AS t FROM events WHERE status = 'pending'")
      .one().t;
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  private async deliver(event: { id: string; url: string; body: string; attempts: number }): Promise<void> {
    const attempt = event.attempts + 1;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    const refusal = refuseWebhookUrl(event.url, {
      allowHttp: this.config.environment === "development",
      allowLoopback: this.config.allowLoopbackWebhooks,
    });
    if (refusal) {
      error = refusal;
    } else {
      try {
        const headers = signWebhook(this.env.WEBHOOK_SECRET, event.id, new Date(), event.body);
        const res = await fetch(event.url, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "user-agent": "Sketchreel-Webhooks/1" },
          body: event.body,
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        statusCode = res.status;
        await res.body?.cancel();
        if (res.status < 200 || res.status >= 300) error = `receiver answered ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    }
    const sql = this.ctx.storage.sql;
    sql.exec(
      "INSERT INTO deliveries (event_id, attempt, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)",
      event.id,
      attempt,
      new Date(started).toISOString(),
      statusCode,
      error,
      Date.now() - started,
    );
    const gaveUp = refusal !== null || attempt >= this.config.webhookMaxAttempts;
    const status = error === null ? "delivered" : gaveUp ? "failed" : "pending";
    const nextAt = Date.now() + this.config.webhookRetryBaseMs * 2 ** (attempt - 1);
    sql.exec("UPDATE events SET status = ?, attempts = ?, next_at = ? WHERE id = ?", status, attempt, nextAt, event.id);
    logEvent(error ? "warn" : "info", "webhook_attempt", {
      event_id: event.id,
      attempt,
      status,
      status_code: statusCode,
      error,
    });
  }
}
