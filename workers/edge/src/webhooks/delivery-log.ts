import type { VideoEventType } from "@sketchreel/contract";

/** The dispatcher's SQLite schema: one row per message (webhook-id) and one per attempt. */
export const DELIVERY_SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  video_id TEXT NOT NULL,
  type TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  auto_attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER,
  manual_at INTEGER
);
CREATE TABLE IF NOT EXISTS attempts (
  message_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  at INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (message_id, attempt)
);`;

export type Message = {
  id: string;
  tenant_id: string;
  video_id: string;
  type: VideoEventType;
  url: string;
  body: string;
  created_at: number;
  delivered: number;
  auto_attempts: number;
  /** The next automatic attempt (null: delivered, or the schedule is spent). */
  next_at: number | null;
  /** A redelivery asked for through the API. */
  manual_at: number | null;
};

export type Trigger = "automatic" | "manual";

export type AttemptRecord = {
  attempt: number;
  trigger: Trigger;
  at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
};

/** A message as `GET /v1/videos/{id}/webhook-deliveries` shows it (`WebhookDelivery` in the contract). */
export interface DeliveryView {
  id: string;
  object: "webhook_delivery";
  video_id: string;
  type: VideoEventType;
  url: string;
  status: "pending" | "delivered" | "failed";
  attempts: {
    attempt: number;
    trigger: Trigger;
    at: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }[];
  next_attempt_at: string | null;
  created_at: string;
}

/** Typed access to a dispatcher's messages and attempts. */
export class DeliveryLog {
  constructor(private readonly sql: SqlStorage) {}

  /** Insert a message unless its id is already here (a handoff may arrive twice). */
  insert(message: Omit<Message, "delivered" | "auto_attempts" | "manual_at">): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO messages (id, tenant_id, video_id, type, url, body, created_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      message.id,
      message.tenant_id,
      message.video_id,
      message.type,
      message.url,
      message.body,
      message.created_at,
      message.next_at,
    );
  }

  get(id: string): Message | null {
    return this.sql.exec<Message>("SELECT * FROM messages WHERE id = ?", id).toArray()[0] ?? null;
  }

  forTenant(tenantId: string): Message[] {
    return this.sql
      .exec<Message>("SELECT * FROM messages WHERE tenant_id = ? ORDER BY created_at, id", tenantId)
      .toArray();
  }

  due(now: number): Message[] {
    const sql = "SELECT * FROM messages WHERE next_at <= ? OR manual_at <= ? ORDER BY created_at";
    return this.sql.exec<Message>(sql, now, now).toArray();
  }

  /** The earliest attempt due, automatic or manual. */
  nextDue(): number | null {
    const sql = "SELECT MIN(MIN(COALESCE(next_at, 9e15), COALESCE(manual_at, 9e15))) AS t FROM messages";
    const t = this.sql.exec<{ t: number | null }>(sql).one().t;
    return t === null || t >= 9e15 ? null : t;
  }

  attempts(id: string): AttemptRecord[] {
    const sql =
      "SELECT attempt, trigger, at, status_code, error, duration_ms FROM attempts WHERE message_id = ? ORDER BY attempt";
    return this.sql.exec<AttemptRecord>(sql, id).toArray();
  }

  /** Record one attempt and the message's next state. */
  record(
    message: Message,
    attempt: AttemptRecord,
    next: Pick<Message, "delivered" | "auto_attempts" | "next_at" | "manual_at">,
  ) {
    this.sql.exec(
      "INSERT INTO attempts (message_id, attempt, trigger, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
      message.id,
      attempt.attempt,
      attempt.trigger,
      attempt.at,
      attempt.status_code,
      attempt.error,
      attempt.duration_ms,
    );
    this.sql.exec(
      "UPDATE messages SET delivered = ?, auto_attempts = ?, next_at = ?, manual_at = ? WHERE id = ?",
      next.delivered,
      next.auto_attempts,
      next.next_at,
      next.manual_at,
      message.id,
    );
  }

  requestManual(id: string, at: number): void {
    this.sql.exec("UPDATE messages SET manual_at = ? WHERE id = ?", at, id);
  }

  /** Forget everything (the video was deleted): bodies, URLs and attempts. */
  erase(): void {
    this.sql.exec("DELETE FROM attempts");
    this.sql.exec("DELETE FROM messages");
  }

  view(message: Message): DeliveryView {
    const iso = (t: number) => new Date(t).toISOString();
    const upcoming = [message.next_at, message.manual_at].filter((t): t is number => t !== null);
    return {
      id: message.id,
      object: "webhook_delivery",
      video_id: message.video_id,
      type: message.type,
      url: message.url,
      status: message.delivered ? "delivered" : upcoming.length > 0 ? "pending" : "failed",
      attempts: this.attempts(message.id).map((a) => ({ ...a, at: iso(a.at) })),
      next_attempt_at: upcoming.length > 0 ? iso(Math.min(...upcoming)) : null,
      created_at: iso(message.created_at),
    };
  }
}
