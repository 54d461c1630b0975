import { DurableObject } from "cloudflare:workers";
import type { ErrorCode, JobState, VideoEventType } from "@sketchreel/contract";
import { type Config, readConfig } from "../../config.js";
import { newId } from "../../crypto.js";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { type Outcome, type Refusal, refuse } from "../../jobs/outcome.js";
import { logEvent } from "../../log.js";
import { type CreateJobInput, type CreateOutcome, createJob } from "./create-job.js";
import { JobTable } from "./job-table.js";
import { Ledger, utcDay } from "./ledger.js";
import { SCHEMA } from "./schema.js";
import type { Failure, JobProgress, RunResult, Step, TransitionRefusal } from "./transitions.js";
import * as transition from "./transitions.js";
import { Waiters } from "./waiters.js";

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
  private readonly config: Config;
  private readonly queueWaiters = new Waiters<string>();
  private readonly jobWatchers = new Waiters<string>();

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
    this.jobs = new JobTable(ctx.storage.sql);
    this.ledger = new Ledger(ctx.storage.sql);
    this.config = readConfig(env);
  }

  createJob(input: CreateJobInput): CreateOutcome {
    const outcome = this.ctx.storage.transactionSync(() => createJob(this.jobs, this.ledger, input, Date.now()));
    if (outcome.ok && outcome.kind === "created") this.queueWaiters.wakeAll(input.job.model.id);
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
    this.jobs.delete(id);
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

  /** Long-poll for the oldest queued job of `models`; null when none arrives within `waitMs`. */
  async lease(models: string[], runnerId: string, waitMs: number): Promise<LeaseGrant | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      this.sweepLeases();
      const queued = this.jobs.nextQueued(models);
      if (queued) {
        const lease = { id: newId("lse"), runnerId, ttlMs: this.config.leaseTtlMs };
        const next = transition.claim(queued, lease, Date.now());
        if (!next.ok) throw new Error(next.detail); // nextQueued returns queued jobs only
        const job = this.apply(next);
        await this.scheduleLeaseAlarm();
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
    await this.scheduleLeaseAlarm();
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
    await this.scheduleLeaseAlarm();
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
        return step;
      }),
    );
    for (const { job, event } of expired) {
      if (job.status === "queued") {
        logEvent("warn", "lease_expired_requeued", { video_id: job.id, attempt: job.attempts });
      } else {
        logEvent("warn", "lease_expired_final", { video_id: job.id, attempts: job.attempts, status: job.status });
      }
      this.notify(job, event);
    }
  }

  /** Persist a transition's job and notify. */
  private apply(step: Step): JobRecord {
    if (!step.changed) return step.job;
    const job = this.jobs.save(step.job);
    this.notify(job, step.event);
    return job;
  }

  /** Wake lease waiters for a requeued job and the job's SSE watchers; hand a terminal event to its webhook. */
  private notify(job: JobRecord, event: VideoEventType | null): void {
    if (job.status === "queued") this.queueWaiters.wakeAll(job.model.id);
    this.jobWatchers.wakeAll(job.id);
    const terminal = event === "video.succeeded" || event === "video.failed" || event === "video.canceled";
    if (terminal && job.webhook_url) {
      const stub = this.env.WEBHOOKS.get(this.env.WEBHOOKS.idFromName(job.id));
      this.ctx.waitUntil(
        stub.enqueue(job, event).catch((err: unknown) => {
          logEvent("error", "webhook_enqueue_failed", { video_id: job.id, message: String(err) });
        }),
      );
    }
  }

  private async scheduleLeaseAlarm(): Promise<void> {
    const next = this.jobs.earliestLeaseExpiry();
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }
}

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
