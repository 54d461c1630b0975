import { DurableObject } from "cloudflare:workers";
import type { ErrorCode, JobState } from "@sketchreel/contract";
import { type Config, readConfig } from "../../config.js";
import { newId } from "../../crypto.js";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { type Outcome, type Refusal, refuse } from "../../jobs/outcome.js";
import { logEvent } from "../../log.js";
import { findModel } from "../../models.js";
import { dispatcherStub } from "../webhook-dispatcher.js";
import { type CreateJobInput, type CreateOutcome, createJob } from "./create-job.js";
import { JobTable } from "./job-table.js";
import { Ledger, utcDay } from "./ledger.js";
import { SCHEMA } from "./schema.js";
import type { Failure, JobProgress, RunResult, Step, TransitionRefusal } from "./transitions.js";
import * as transition from "./transitions.js";
import { Waiters } from "./waiters.js";
import { WebhookOutbox } from "./webhook-outbox.js";

/** The one stub every worker talks to (a single queue keeps FIFO, limits and caches consistent). */
export const jobQueueStub = (env: Bindings) => env.JOB_QUEUE.get(env.JOB_QUEUE.idFromName("global"));

export interface LeaseGrant {
  job: JobRecord;
  leaseId: string;
  expiresAt: number;
}

/**
 * Jobs, their queue (FIFO per model), leases, idempotency records and daily usage, in one
 * SQLite-backed Durable Object. Every method runs to completion without awaiting between its
 * reads and writes, so each is atomic.
 */
export class JobQueue extends DurableObject<Bindings> {
  private readonly jobs: JobTable;
  private readonly ledger: Ledger;
  private readonly outbox: WebhookOutbox;
  private readonly config: Config;
  private readonly queueWaiters = new Waiters<string>();
  private readonly jobWatchers = new Waiters<string>();
  private draining: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
    this.jobs = new JobTable(ctx.storage.sql);
    this.ledger = new Ledger(ctx.storage.sql);
    this.outbox = new WebhookOutbox(ctx.storage.sql);
    this.config = readConfig(env);
    // After a crash, handoffs still in the outbox get an alarm again (the one set with them may be gone).
    if (this.outbox.earliestDue() !== null) void ctx.blockConcurrencyWhile(() => this.scheduleAlarm());
  }

  createJob(input: CreateJobInput): CreateOutcome {
    const now = Date.now();
    const outcome = this.ctx.storage.transactionSync(() => createJob(this.jobs, this.ledger, this.outbox, input, now));
    if (outcome.ok && outcome.kind === "created") this.queueWaiters.wakeAll(input.job.model.id);
    if (outcome.ok && outcome.kind === "cached" && input.job.webhook_url) this.wakeOutbox();
    return outcome;
  }

  getJob(tenantId: string, id: string): JobRecord | null {
    return this.jobs.getForTenant(tenantId, id);
  }

  listJobs(tenantId: string, limit: number, cursor: number | null, status?: JobState) {
    const { jobs, seqs } = this.jobs.listForTenant(tenantId, limit + 1, cursor ?? Number.MAX_SAFE_INTEGER, status);
    const hasMore = jobs.length > limit;
    const page = jobs.slice(0, limit);
    return { jobs: page, hasMore, nextCursor: hasMore ? (seqs[limit - 1] ?? null) : null };
  }

  getByShareId(shareId: string): JobRecord | null {
    return this.jobs.byShareId(shareId);
  }

  /** Wait until job `id` changes past `sinceVersion` (or `waitMs` passes); the SSE stream's source. */
  async watch(tenantId: string, id: string, sinceVersion: number, waitMs: number): Promise<JobRecord | null> {
    const job = this.jobs.getForTenant(tenantId, id);
    if (!job || job.version > sinceVersion) return job;
    await this.jobWatchers.wait([id], waitMs);
    return this.jobs.getForTenant(tenantId, id);
  }

  cancelJob(tenantId: string, id: string): Outcome<{ job: JobRecord }> {
    const job = this.jobs.getForTenant(tenantId, id);
    if (!job) return refuse(404, "not_found", `video ${id} not found`);
    const next = transition.cancel(job, Date.now());
    return next.ok ? { ok: true, job: this.apply(next) } : refusalFor(next);
  }

  deleteJob(tenantId: string, id: string): Outcome<{ job: JobRecord }> {
    const job = this.jobs.getForTenant(tenantId, id);
    if (!job) return refuse(404, "not_found", `video ${id} not found`);
    if (job.status === "running") return refuse(409, "conflict", `video ${id} is running: cancel it first`);
    this.ctx.storage.transactionSync(() => {
      this.jobs.delete(id);
      this.outbox.addErase(id, Date.now());
    });
    this.wakeOutbox();
    this.jobWatchers.wakeAll(id);
    return { ok: true, job };
  }

  usage(tenantId: string) {
    return {
      ...this.ledger.usage(tenantId, utcDay(Date.now())),
      active_jobs: this.jobs.countActive(tenantId),
      depth: this.jobs.countByStatus("queued"),
      running: this.jobs.countByStatus("running"),
    };
  }

  /**
   * Long-poll for the oldest queued job of `models`; null when none arrives within `waitMs`. Nothing
   * is granted after `grantBy` (epoch ms): by then the poll's caller has given up, and a lease
   * nobody receives would cost the job an attempt.
   */
  async lease(
    models: string[],
    runnerId: string,
    waitMs: number,
    grantBy = Number.POSITIVE_INFINITY,
  ): Promise<LeaseGrant | null> {
    const deadline = Math.min(Date.now() + waitMs, grantBy);
    for (;;) {
      this.sweepLeases();
      if (Date.now() > grantBy) return null;
      const queued = this.jobs.nextQueued(models);
      if (queued) {
        const lease = { id: newId("lse"), runnerId, ttlMs: this.config.leaseTtlMs, maxJobMs: maxJobMs(queued) };
        const next = transition.claim(queued, lease, Date.now());
        if (!next.ok) throw new Error(next.detail); // nextQueued returns queued jobs only
        const job = this.apply(next);
        await this.scheduleAlarm();
        return { job, leaseId: lease.id, expiresAt: job.lease!.expires_at };
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await this.queueWaiters.wait(models, left);
    }
  }

  async heartbeat(
    id: string,
    leaseId: string,
    progress: JobProgress,
  ): Promise<Outcome<{ expiresAt: number; cancelRequested: boolean }>> {
    const ttlMs = this.config.leaseTtlMs;
    const beat = this.runnerStep(id, (job, now) => transition.heartbeat(job, leaseId, progress, ttlMs, now));
    if (!beat.ok) return beat;
    await this.scheduleAlarm();
    return { ok: true, expiresAt: beat.job.lease!.expires_at, cancelRequested: beat.job.cancel_requested };
  }

  complete(id: string, leaseId: string, result: RunResult): Outcome<{ job: JobRecord }> {
    return this.runnerStep(id, (job, now) => transition.complete(job, leaseId, result, now));
  }

  /** A runner gives the job up: failed, requeued (retryable, or released on shutdown) or canceled. */
  fail(id: string, leaseId: string, failure: Failure): Outcome<{ job: JobRecord }> {
    const maxAttempts = this.config.maxAttempts;
    return this.runnerStep(id, (job, now) => transition.fail(job, leaseId, failure, maxAttempts, now));
  }

  override async alarm(): Promise<void> {
    this.sweepLeases();
    await this.drainOutbox();
    await this.scheduleAlarm();
  }

  /** Handoffs not yet acknowledged by a dispatcher (0 once every terminal event was handed over). */
  pendingHandoffs(): number {
    return this.outbox.pending();
  }

  /** Apply a runner's transition to job `id` (after requeuing expired leases, so a stale lease is refused). */
  private runnerStep(id: string, next: (job: JobRecord, now: number) => Step | TransitionRefusal) {
    this.sweepLeases();
    const job = this.jobs.get(id);
    if (!job) return refuse(404, "not_found", `job ${id} not found`);
    const step = next(job, Date.now());
    return step.ok ? { ok: true as const, job: this.apply(step) } : refusalFor(step);
  }

  /** Requeue, fail or cancel every job whose lease ran out. */
  private sweepLeases(): void {
    const now = Date.now();
    const expired = this.ctx.storage.transactionSync(() =>
      this.jobs.expiredLeases(now).map((job) => {
        const step = transition.expireLease(job, this.config.maxAttempts, now);
        this.jobs.save(step.job);
        return { job: step.job, handedOff: this.outbox.addTerminal(step.job, step.event, now) };
      }),
    );
    if (expired.some((e) => e.handedOff)) this.wakeOutbox();
    for (const { job } of expired) {
      if (job.status === "queued") {
        logEvent("warn", "lease_expired_requeued", { video_id: job.id, attempt: job.attempts });
      } else {
        logEvent("warn", "lease_expired_final", { video_id: job.id, attempts: job.attempts, status: job.status });
      }
      this.notify(job);
    }
  }

  /** Persist a transition's job (with its webhook handoffs, in one transaction) and notify. */
  private apply(step: Step): JobRecord {
    if (!step.changed) return step.job;
    const now = Date.now();
    const { job, handedOff } = this.ctx.storage.transactionSync(() => {
      const saved = this.jobs.save(step.job);
      return { job: saved, handedOff: this.outbox.addTerminal(saved, step.event, now) };
    });
    if (handedOff) this.wakeOutbox();
    this.notify(job);
    return job;
  }

  /** Wake lease waiters for a requeued job and the job's SSE watchers. */
  private notify(job: JobRecord): void {
    if (job.status === "queued") this.queueWaiters.wakeAll(job.model.id);
    this.jobWatchers.wakeAll(job.id);
  }

  /**
   * Drain the outbox now. The alarm is set in the same turn as the rows were written (storage writes
   * without an await between them commit together), so a crash right after still drains them.
   */
  private wakeOutbox(): void {
    void this.ctx.storage.setAlarm(Date.now());
  }

  /** Hand due outbox rows to their dispatchers; a row stays until its dispatcher acknowledges it. */
  private drainOutbox(): Promise<void> {
    this.draining ??= (async () => {
      const due = this.outbox.due(Date.now(), HANDOFF_BATCH);
      await Promise.all(
        due.map(async (handoff) => {
          try {
            await dispatcherStub(this.env, handoff.videoId).accept(handoff);
            this.outbox.done(handoff.id);
          } catch (err) {
            this.outbox.retryLater(handoff.id, Date.now());
            logEvent("warn", "webhook_handoff_failed", {
              video_id: handoff.videoId,
              id: handoff.id,
              message: String(err),
            });
          }
        }),
      );
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** One alarm for both timers: the earliest lease expiry and the earliest outbox row due. */
  private async scheduleAlarm(): Promise<void> {
    const times = [this.jobs.earliestLeaseExpiry(), this.outbox.earliestDue()].filter((t): t is number => t !== null);
    if (times.length === 0) return;
    const next = Math.min(...times);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }
}

/** Outbox rows handed off per alarm (more wait for the next one, set at once). */
const HANDOFF_BATCH = 50;

const REFUSALS: Record<TransitionRefusal["reason"], [status: number, code: ErrorCode]> = {
  not_queued: [409, "conflict"],
  lease_lost: [409, "lease_lost"],
  not_cancelable: [409, "conflict"],
  invalid_outputs: [422, "validation_failed"],
};

/** A refused transition as the HTTP refusal the worker renders. */
function refusalFor({ reason, detail, errors }: TransitionRefusal): Refusal {
  const [status, code] = REFUSALS[reason];
  return refuse(status, code, detail, errors ? { errors } : {});
}

/** The longest a job of this model may run (its package's `limits.max_job_seconds`, else 10 minutes). */
function maxJobMs(job: JobRecord): number {
  return (findModel(job.model.id)?.limits.max_job_seconds ?? DEFAULT_MAX_JOB_SECONDS) * 1000;
}
const DEFAULT_MAX_JOB_SECONDS = 600;
