import { DurableObject } from "cloudflare:workers";
import type { VideoEvent } from "@sketchreel/contract";
import { type Config, readConfig } from "../config.js";
import type { Bindings } from "../env.js";
import { videoFromRecord } from "../jobs/video-from-record.js";
import { logEvent } from "../log.js";
import {
  DELIVERY_SCHEMA,
  DeliveryLog,
  type DeliveryView,
  type Message,
  type Trigger,
} from "../webhooks/delivery-log.js";
import { nextRetryDelay } from "../webhooks/retry-schedule.js";
import { signWebhook } from "../webhooks/sign.js";
import { refuseWebhookUrl } from "../webhooks/ssrf.js";
import type { Handoff } from "./job-queue/webhook-outbox.js";
import { webhookSecretsStub } from "./webhook-secrets.js";

const TIMEOUT_MS = 10_000;
/** Deliveries in flight at once per video (a job with many attached callers has many messages). */
const PARALLEL = 8;

export const dispatcherStub = (env: Bindings, videoId: string) => env.WEBHOOKS.get(env.WEBHOOKS.idFromName(videoId));

/**
 * Webhook deliveries of one video (one object per video id): Standard Webhooks signatures with the
 * tenant's secret(s), automatic attempts on the `WEBHOOK_RETRY_SCHEDULE` driven by alarms, manual
 * redeliveries, and a log of every attempt. Messages come from the JobQueue's outbox (`accept`).
 */
export class WebhookDispatcher extends DurableObject<Bindings> {
  private readonly config: Config;
  private readonly log: DeliveryLog;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.storage.sql.exec(DELIVERY_SCHEMA);
    this.log = new DeliveryLog(ctx.storage.sql);
    this.config = readConfig(env);
  }

  /** Take over one handoff; idempotent (an event id seen before is ignored). Resolves once stored. */
  async accept(handoff: Handoff): Promise<true> {
    if (handoff.kind === "erase") {
      this.log.erase();
      await this.ctx.storage.deleteAlarm();
      return true;
    }
    if (this.log.get(handoff.id)) return true;
    const event: VideoEvent = {
      id: handoff.id,
      type: handoff.type,
      created_at: new Date(handoff.createdAt).toISOString(),
      data: await videoFromRecord(handoff.job, {
        publicBaseUrl: this.config.publicBaseUrl,
        presignTtlS: this.config.presignTtlS,
        cached: handoff.cached,
      }),
    };
    const now = Date.now();
    this.log.insert({
      id: handoff.id,
      tenant_id: handoff.tenantId,
      video_id: handoff.videoId,
      type: handoff.type,
      url: handoff.job.webhook_url ?? "",
      body: JSON.stringify(event),
      created_at: handoff.createdAt,
      next_at: now + (nextRetryDelay(this.config.webhookRetrySchedule, 0) ?? 0),
    });
    await this.scheduleAlarm();
    return true;
  }

  /** The tenant's messages for this video with every attempt, oldest first. */
  deliveries(tenantId: string): DeliveryView[] {
    return this.log.forTenant(tenantId).map((m) => this.log.view(m));
  }

  /** Attempt message `id` again now (once; the automatic schedule is unchanged). Null if unknown. */
  async redeliver(tenantId: string, id: string): Promise<DeliveryView | null> {
    const message = this.log.get(id);
    if (!message || message.tenant_id !== tenantId) return null;
    const now = Date.now();
    this.log.requestManual(id, now);
    await this.scheduleAlarm();
    return this.log.view({ ...message, manual_at: now });
  }

  override async alarm(): Promise<void> {
    const due = this.log.due(Date.now());
    for (let i = 0; i < due.length; i += PARALLEL) {
      await Promise.all(due.slice(i, i + PARALLEL).map((m) => this.deliver(m)));
    }
    await this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    const next = this.log.nextDue();
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }

  private async deliver(message: Message): Promise<void> {
    const started = Date.now();
    const trigger: Trigger = message.manual_at !== null && message.manual_at <= started ? "manual" : "automatic";
    const refusal = refuseWebhookUrl(message.url, this.config.webhookUrlPolicy);
    const result = refusal ? { statusCode: null, error: refusal } : await this.post(message, started);
    const ok = result.error === null;
    const next = nextState(message, trigger, ok, refusal !== null, this.config.webhookRetrySchedule, Date.now());
    const attempt = this.log.attempts(message.id).length + 1;
    this.log.record(
      message,
      {
        attempt,
        trigger,
        at: started,
        status_code: result.statusCode,
        error: result.error,
        duration_ms: Date.now() - started,
      },
      next,
    );
    logEvent(ok ? "info" : "warn", "webhook_attempt", {
      event_id: message.id,
      video_id: message.video_id,
      attempt,
      trigger,
      status_code: result.statusCode,
      error: result.error,
      next_at: next.next_at,
    });
  }

  /** One signed POST; redirects are not followed (a 3xx is a failure), 10 s timeout. */
  private async post(message: Message, at: number): Promise<{ statusCode: number | null; error: string | null }> {
    try {
      const secrets = await webhookSecretsStub(this.env, message.tenant_id).signing();
      const headers = signWebhook(secrets, message.id, new Date(at), message.body);
      const res = await fetch(message.url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "user-agent": "Sketchreel-Webhooks/1" },
        body: message.body,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      const ok = res.status >= 200 && res.status < 300;
      return { statusCode: res.status, error: ok ? null : `receiver answered ${res.status}` };
    } catch (err) {
      return { statusCode: null, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/**
 * A message after one attempt: delivered for good once any attempt succeeds; an automatic failure
 * waits for the schedule's next delay (none after the last, or for a refused URL); a manual
 * attempt leaves the automatic schedule as it was.
 */
export function nextState(
  message: Pick<Message, "delivered" | "auto_attempts" | "next_at" | "manual_at">,
  trigger: Trigger,
  ok: boolean,
  refused: boolean,
  schedule: readonly number[],
  now: number,
): Pick<Message, "delivered" | "auto_attempts" | "next_at" | "manual_at"> {
  const delivered = ok || message.delivered === 1;
  const autoAttempts = message.auto_attempts + (trigger === "automatic" ? 1 : 0);
  const manualAt = trigger === "manual" ? null : message.manual_at;
  if (delivered) return { delivered: 1, auto_attempts: autoAttempts, next_at: null, manual_at: manualAt };
  if (trigger === "manual")
    return { delivered: 0, auto_attempts: autoAttempts, next_at: message.next_at, manual_at: null };
  const delay = refused ? null : nextRetryDelay(schedule, autoAttempts);
  return {
    delivered: 0,
    auto_attempts: autoAttempts,
    next_at: delay === null ? null : now + delay,
    manual_at: manualAt,
  };
}
