import { DurableObject } from "cloudflare:workers";
import type { JobState } from "@sketchreel/contract";
import { type Config, readConfig } from "../../config.js";
import { newId } from "../../crypto.js";
import type { Bindings } from "../../env.js";
import type { JobRecord } from "../../jobs/job-record.js";
import { type Outcome, refuse } from "../../jobs/outcome.js";
import { logEvent } from "../../log.js";
import { DEFAULT_TIER_LIMITS } from "../../tiers.js";
import { AlarmClock } from "./alarm-clock.js";
import {
  type CreateJobInput,
  type CreateOutcome,
  createJob,
  IDEMPOTENCY_TTL_MS,
  replayIdempotent,
} from "./create-job.js";
import { JobTable, type ListPosition } from "./job-table.js";
import { Ledger, utcDay } from "./ledger.js";
import { OutputCleanup } from "./output-cleanup.js";
import { maxJobMs, refusalFor } from "./refusals.js";
import { migrateSchema } from "./schema.js";
import type { Failure, JobProgress, RunResult, Step, TransitionRefusal } from "./transitions.js";
import * as transition from "./transitions.js";
import { Upkeep } from "./upkeep.js";
import { Waiters } from "./waiters.js";
import { WebhookOutbox } from "./webhook-outbox.js";

export interface LeaseGrant {
  job: JobRecord;
  leaseId: string;
  expiresAt: number;
}

/** What one of a tenant's older shards still holds for it (`durable/shards`, before a create). */
export interface PriorState {
  /** The Idempotency-Key's answer when its record is here. */
  replay: CreateOutcome | null;
  activeJobs: number;
  computeUnits: number;
  /** Nothing here can affect the tenant's creates again (no active job, key or usage today): for good. */
  retiredForTenant: boolean;
  /** The same for every tenant (the legacy queue once drained and a day old). */
  retired: boolean;
}

/**
 * One JobQueue shard (`durable/shards`): the jobs of the tenants hashed onto it, their FIFO queue
 * per model, leases, idempotency records, daily usage, webhook outbox and output cleanup, in one
 * SQLite-backed Durable Object. Every method runs to completion without awaiting between its reads
 * and writes, so each is atomic. A single alarm serves lease expiry, the outbox, retention, output
 * cleanup and pruning.
 */
export class JobQueue extends DurableObject<Bindings> {
  private readonly jobs: JobTable;
  private readonly ledger: Ledger;
  private readonly outbox: WebhookOutbox;
  private readonly cleanup: OutputCleanup;
  private readonly config: Config;
  private readonly queueWaiters = new Waiters<string>();
  private readonly jobWatchers = new Waiters<string>();
  private readonly clock: AlarmClock;
  private readonly upkeep: Upkeep;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    migrateSchema(ctx.storage.sql, DEFAULT_TIER_LIMITS.free.retention_days * DAY_MS);
    this.jobs = new JobTable(ctx.storage.sql);
    this.ledger = new Ledger(ctx.storage.sql);
    this.outbox = new WebhookOutbox(ctx.storage.sql);
    this.cleanup = new OutputCleanup(ctx.storage.sql);
    this.config = readConfig(env);
    this.clock = new AlarmClock(ctx.storage);
    const tables = { jobs: this.jobs, ledger: this.ledger, outbox: this.outbox, cleanup: this.cleanup };
    this.upkeep = new Upkeep(env, ctx.storage, tables, this.clock);
    // After a crash (or a deploy from before retention), make sure an alarm covers what is stored.
    void ctx.blockConcurrencyWhile(async () => {
      await this.clock.load();
      this.upkeep.schedule();
    });
  }

  createJob(input: CreateJobInput): CreateOutcome {
    const now = Date.now();
    const shard = { storageBytes: this.ctx.storage.sql.databaseSize, storageLimitBytes: SHARD_STORAGE_LIMIT_BYTES };
    const outcome = this.ctx.storage.transactionSync(() =>
      createJob(this.jobs, this.ledger, this.outbox, input, now, shard),
    );
    if (!outcome.ok && outcome.status === 503) logEvent("error", "shard_storage_full", { bytes: shard.storageBytes });
    if (outcome.ok && outcome.kind === "created") this.queueWaiters.wakeAll(input.job.model.id);
    if (outcome.ok && outcome.kind === "cached" && input.job.webhook_url) this.upkeep.wakeNow();
    if (input.idempotency && outcome.ok) this.clock.ensure(now + IDEMPOTENCY_TTL_MS);
    return outcome;
  }

  /** What this shard still holds for a tenant that has moved to another home shard (read only). */
  priorState(tenantId: string, idempotency: { key: string; bodyHash: string } | null): PriorState {
    const now = Date.now();
    const day = utcDay(now);
    const notBefore = now - IDEMPOTENCY_TTL_MS;
    const activeJobs = this.jobs.countActive(tenantId);
    return {
      replay: idempotency ? replayIdempotent(this.jobs, this.ledger, tenantId, idempotency, now) : null,
      activeJobs,
      computeUnits: this.ledger.usage(tenantId, day).compute_units,
      retiredForTenant: activeJobs === 0 && !this.ledger.holdsTenantState(tenantId, notBefore, day),
      retired: this.isDrained() && !this.ledger.holdsAnyState(notBefore, day),
    };
  }

  getJob(tenantId: string, id: string): JobRecord | null {
    return this.jobs.getForTenant(tenantId, id);
  }

  /**
   * Up to `limit` of a tenant's jobs after `after`, newest first, each with its list position
   * (`rank` is this shard's place in the order; the caller merges the tenant's shards).
   */
  listJobs(tenantId: string, limit: number, rank: number, after: ListPosition | null, status?: JobState) {
    return this.jobs.listForTenant(tenantId, limit, rank, after, status);
  }

  holdsTenant(tenantId: string): boolean {
    return this.jobs.holdsTenant(tenantId);
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
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      this.jobs.delete(id);
      this.outbox.addErase(id, now);
      this.cleanup.afterRemoval(job, "deleted", now);
    });
    this.upkeep.wakeNow();
    this.jobWatchers.wakeAll(id);
    return { ok: true, job };
  }

  /** The tenant's usage today on this shard (summed over the tenant's shards by the caller). */
  usage(tenantId: string) {
    return { ...this.ledger.usage(tenantId, utcDay(Date.now())), active_jobs: this.jobs.countActive(tenantId) };
  }

  /** Queued and running jobs of every tenant here (the autoscaling signal, summed over shards). */
  queueCounts(): { depth: number; running: number } {
    return { depth: this.jobs.countByStatus("queued"), running: this.jobs.countByStatus("running") };
  }

  /** No job queued or running here. On the legacy queue, which gets no new jobs, that lasts. */
  isDrained(): boolean {
    const { depth, running } = this.queueCounts();
    return depth === 0 && running === 0;
  }

  /**
   * Claim up to `max` of the oldest queued jobs of `models` (FIFO per model), long-polling up to
   * `waitMs` while there is none. Nothing is granted after `grantBy` (epoch ms): by then the poll's
   * caller has given up, and a lease nobody receives would cost the job an attempt.
   */
  async leaseBatch(
    models: string[],
    runnerId: string,
    max: number,
    waitMs: number,
    grantBy = Number.POSITIVE_INFINITY,
  ): Promise<LeaseGrant[]> {
    const deadline = Math.min(Date.now() + waitMs, grantBy);
    for (;;) {
      this.sweepLeases();
      if (Date.now() > grantBy) return [];
      const grants = this.claim(models, runnerId, max);
      if (grants.length > 0) return grants;
      const left = deadline - Date.now();
      if (left <= 0) return [];
      await this.queueWaiters.wait(models, left);
    }
  }

  /**
   * Claim up to `max` queued jobs now, without waiting (a poll across shards); `drained` tells the
   * caller this shard has nothing queued or running left (the legacy queue then leaves the poll).
   */
  claimNow(
    models: string[],
    runnerId: string,
    max: number,
    grantBy: number,
  ): { grants: LeaseGrant[]; drained: boolean } {
    this.sweepLeases();
    const grants = Date.now() > grantBy ? [] : this.claim(models, runnerId, max);
    return { grants, drained: grants.length === 0 && this.isDrained() };
  }

  /** One job (the runner protocol before batched leases; tests). */
  async lease(models: string[], runnerId: string, waitMs: number, grantBy = Number.POSITIVE_INFINITY) {
    return (await this.leaseBatch(models, runnerId, 1, waitMs, grantBy))[0] ?? null;
  }

  /**
   * Resolve true as soon as a job of `models` is queued here (at once if one is), false after
   * `waitMs`. Claims nothing, so a poll across shards may wait on all of them and walk away.
   */
  async waitForWork(models: string[], waitMs: number): Promise<boolean> {
    this.sweepLeases();
    if (this.jobs.nextQueued(models, 1).length > 0) return true;
    await this.queueWaiters.wait(models, waitMs);
    return this.jobs.nextQueued(models, 1).length > 0;
  }

  heartbeat(
    id: string,
    leaseId: string,
    progress: JobProgress,
  ): Outcome<{ expiresAt: number; cancelRequested: boolean }> {
    const ttlMs = this.config.leaseTtlMs;
    const beat = this.runnerStep(id, (job, now) => transition.heartbeat(job, leaseId, progress, ttlMs, now));
    if (!beat.ok) return beat;
    this.clock.ensure(beat.job.lease!.expires_at);
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
    this.clock.fired();
    this.sweepLeases();
    await this.upkeep.run();
  }

  /** Handoffs not yet acknowledged by a dispatcher (0 once every terminal event was handed over). */
  pendingHandoffs(): number {
    return this.outbox.pending();
  }

  /** Claim up to `max` queued jobs in one transaction. */
  private claim(models: string[], runnerId: string, max: number): LeaseGrant[] {
    const queued = this.jobs.nextQueued(models, max);
    if (queued.length === 0) return [];
    const now = Date.now();
    const leases = queued.map((job) => ({
      id: newId("lse"),
      runnerId,
      ttlMs: this.config.leaseTtlMs,
      maxJobMs: maxJobMs(job),
    }));
    const claimed = this.ctx.storage.transactionSync(() =>
      queued.map((job, i) => {
        const next = transition.claim(job, leases[i]!, now);
        if (!next.ok) throw new Error(next.detail); // nextQueued returns queued jobs only
        return this.jobs.save(next.job);
      }),
    );
    for (const job of claimed) this.jobWatchers.wakeAll(job.id);
    const grants = claimed.map((job, i) => ({ job, leaseId: leases[i]!.id, expiresAt: job.lease!.expires_at }));
    this.clock.ensure(Math.min(...grants.map((g) => g.expiresAt)));
    return grants;
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
        return { job: step.job, wake: this.recordEnding(step.job, step.event, now) };
      }),
    );
    if (expired.some((e) => e.wake)) this.upkeep.wakeNow();
    for (const { job } of expired) {
      if (job.status === "queued") {
        logEvent("warn", "lease_expired_requeued", { video_id: job.id, attempt: job.attempts });
      } else {
        logEvent("warn", "lease_expired_final", { video_id: job.id, attempts: job.attempts, status: job.status });
      }
      this.notify(job);
    }
  }

  /** Persist a transition's job (with its webhook handoffs and output cleanup, in one transaction) and notify. */
  private apply(step: Step): JobRecord {
    if (!step.changed) return step.job;
    const now = Date.now();
    const { job, wake } = this.ctx.storage.transactionSync(() => {
      const saved = this.jobs.save(step.job);
      return { job: saved, wake: this.recordEnding(saved, step.event, now) };
    });
    if (wake) this.upkeep.wakeNow();
    this.notify(job);
    return job;
  }

  /**
   * Inside a transition's transaction: the webhook handoffs of a terminal event and the output
   * cleanup it calls for. True when a row was written for the alarm to drain now.
   */
  private recordEnding(job: JobRecord, event: Step["event"], now: number): boolean {
    const handedOff = this.outbox.addTerminal(job, event, now);
    const cleaned = this.cleanup.afterStep(job, event, now);
    return handedOff || cleaned;
  }

  /** Wake lease waiters for a requeued job, the job's SSE watchers, and the retention alarm when it ended. */
  private notify(job: JobRecord): void {
    if (job.status === "queued") this.queueWaiters.wakeAll(job.model.id);
    else if (job.status !== "running" && job.expires_ms !== undefined) this.clock.ensure(job.expires_ms);
    this.jobWatchers.wakeAll(job.id);
  }
}

const DAY_MS = 86_400_000;
/**
 * New jobs are refused (503) past this much SQLite storage: 90 % of the 10 GB Cloudflare allows a
 * SQLite-backed Durable Object, so replays, reads, leases and retention keep working (SCALING.md).
 */
export const SHARD_STORAGE_LIMIT_BYTES = 9 * 10 ** 9;
