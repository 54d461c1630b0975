import { DurableObject } from "cloudflare:workers";
import type { JobState, Stage, VideoEventType } from "@sketchreel/contract";
import { type Config, readConfig } from "../../config.js";
import type { Bindings } from "../../env.js";
import type { JobRecord, StoredOutput } from "../../jobs/job-record.js";
import { type Outcome, refuse } from "../../jobs/outcome.js";
import { logEvent } from "../../log.js";
import { type CreateJobInput, type CreateOutcome, createJob } from "./create-job.js";
import { JobTable } from "./job-table.js";
import { Ledger, utcDay } from "./ledger.js";
import { checkOutputs, claimNext, expireLeases, heldJob, type LeaseGrant, recordHeartbeat } from "./runner-protocol.js";
import { SCHEMA } from "./schema.js";
import { Waiters } from "./waiters.js";

/** The one stub every worker talks to (a single queue keeps FIFO, limits and caches consistent). */
export const jobQueueStub = (env: Bindings) => env.JOB_QUEUE.get(env.JOB_QUEUE.idFromName("global"));

type Progress = { stage: Stage; step: number; total_steps: number };

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
    if (job.status === "queued") {
      job.status = "canceled";
      job.completed_at = new Date().toISOString();
      this.changed(this.jobs.save(job), "video.canceled");
    } else if (job.status === "running") {
      if (!job.cancel_requested) {
        job.cancel_requested = true;
        this.changed(this.jobs.save(job));
      }
    } else {
      return refuse(409, "conflict", `video ${id} is already ${job.status}`);
    }
    return { ok: true, job };
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
      const grant = claimNext(this.jobs, models, runnerId, this.config.leaseTtlMs, Date.now());
      if (grant) {
        this.changed(grant.job, "video.running");
        await this.scheduleLeaseAlarm();
        return grant;
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await this.queueWaiters.wait(models, left);
    }
  }

  async heartbeat(
    id: string,
    leaseId: string,
    progress: Progress,
  ): Promise<Outcome<{ expiresAt: number; cancelRequested: boolean }>> {
    this.sweepLeases();
    const held = heldJob(this.jobs, id, leaseId, Date.now());
    if (!held.ok) return held;
    const beat = recordHeartbeat(this.jobs, held.job, progress, this.config.leaseTtlMs, Date.now());
    this.changed(held.job, "video.progress");
    await this.scheduleLeaseAlarm();
    return { ok: true, ...beat };
  }

  complete(
    id: string,
    leaseId: string,
    body: { seed: number; outputs: StoredOutput[]; timings_ms: Record<string, number> },
  ) {
    this.sweepLeases();
    const held = heldJob(this.jobs, id, leaseId, Date.now());
    if (!held.ok) return held;
    const job = held.job;
    const errors = checkOutputs(job, body.outputs);
    if (errors.length > 0) return refuse(422, "validation_failed", errors.map((e) => e.message).join("; "), { errors });
    job.status = "succeeded";
    job.outputs = body.outputs;
    job.timings_ms = body.timings_ms;
    job.lease = null;
    job.progress = { stage: "done", step: job.params.num_inference_steps, total_steps: job.params.num_inference_steps };
    job.completed_at = new Date().toISOString();
    this.changed(this.jobs.save(job), "video.succeeded");
    return { ok: true as const, job };
  }

  /**
   * A runner gives the job up. A failure uses up the attempt its lease started; a release (the
   * runner shutting down gracefully) hands the attempt back, so rolling deploys never fail a job.
   */
  fail(id: string, leaseId: string, body: { code: string; message: string; retryable: boolean; released: boolean }) {
    this.sweepLeases();
    const held = heldJob(this.jobs, id, leaseId, Date.now());
    if (!held.ok) return held;
    const job = held.job;
    job.lease = null;
    if (job.cancel_requested) {
      job.status = "canceled";
    } else if (body.released || (body.retryable && job.attempts < this.config.maxAttempts)) {
      if (body.released) job.attempts -= 1;
      job.status = "queued";
      job.progress = { stage: "queued", step: 0, total_steps: job.params.num_inference_steps };
    } else {
      job.status = "failed";
      job.error = { code: body.code, message: body.message, retryable: body.retryable };
    }
    if (job.status !== "queued") job.completed_at = new Date().toISOString();
    this.jobs.save(job);
    if (job.status === "queued") this.queueWaiters.wakeAll(job.model.id);
    this.changed(job, job.status === "queued" ? "video.queued" : (`video.${job.status}` as VideoEventType));
    return { ok: true as const, job };
  }

  override async alarm(): Promise<void> {
    this.sweepLeases();
    await this.scheduleLeaseAlarm();
  }

  private sweepLeases(): void {
    const { requeued, lost } = this.ctx.storage.transactionSync(() =>
      expireLeases(this.jobs, this.config.maxAttempts, Date.now()),
    );
    for (const job of requeued) {
      logEvent("warn", "lease_expired_requeued", { video_id: job.id, attempt: job.attempts });
      this.queueWaiters.wakeAll(job.model.id);
      this.changed(job, "video.queued");
    }
    for (const job of lost) {
      logEvent("warn", "lease_expired_final", { video_id: job.id, attempts: job.attempts, status: job.status });
      this.changed(job, `video.${job.status}` as VideoEventType);
    }
  }

  private async scheduleLeaseAlarm(): Promise<void> {
    const next = this.jobs.earliestLeaseExpiry();
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }

  /** Wake SSE watchers; on a terminal state, hand the event to the job's webhook dispatcher. */
  private changed(job: JobRecord, type?: VideoEventType): void {
    this.jobWatchers.wakeAll(job.id);
    const terminal = type === "video.succeeded" || type === "video.failed" || type === "video.canceled";
    if (terminal && job.webhook_url) {
      const stub = this.env.WEBHOOKS.get(this.env.WEBHOOKS.idFromName(job.id));
      this.ctx.waitUntil(
        stub.enqueue(job, type).catch((err: unknown) => {
          logEvent("error", "webhook_enqueue_failed", { video_id: job.id, message: String(err) });
        }),
      );
    }
  }
}
