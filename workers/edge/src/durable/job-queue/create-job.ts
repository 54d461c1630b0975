import type { JobRecord } from "../../jobs/job-record.js";
import { type Outcome, refuse } from "../../jobs/outcome.js";
import type { JobTable } from "./job-table.js";
import { type Ledger, secondsUntilUtcMidnight, utcDay } from "./ledger.js";
import type { WebhookOutbox } from "./webhook-outbox.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreateJobInput {
  job: JobRecord;
  /** Only requests with a caller-fixed seed may be served from the cache or join a running twin. */
  seedFixed: boolean;
  idempotency: { key: string; bodyHash: string } | null;
  limits: { maxConcurrentJobs: number; dailyComputeUnits: number; retentionDays: number };
  /**
   * What the tenant's older shards still hold (DESIGN: a grown shard count or the legacy queue):
   * active jobs there count against the cap, today's units against the budget. Both only ever
   * shrink there, so reading them before this transaction never lets a limit be exceeded.
   */
  elsewhere?: { activeJobs: number; computeUnits: number };
}

/** What the shard itself says before a job is admitted (set by the JobQueue, not the caller). */
export interface ShardState {
  /** Bytes of SQLite storage the shard uses, and the most it may (`SHARD_STORAGE_LIMIT_BYTES`). */
  storageBytes: number;
  storageLimitBytes: number;
}

export type CreateKind = "created" | "cached" | "attached" | "replayed";
export type CreateOutcome = Outcome<{ kind: CreateKind; status: 200 | 202; job: JobRecord }>;

/**
 * Admit a job, all in one synchronous transaction: idempotency replay, result cache, single-flight,
 * concurrency cap, daily budget, insert. Nothing else can interleave, so limits hold under load.
 * A caller served by a cache hit or attached to a twin keeps its own webhook: the hit's
 * `video.succeeded` goes to the outbox now, the twin's terminal event goes to every subscriber.
 */
export function createJob(
  jobs: JobTable,
  ledger: Ledger,
  outbox: WebhookOutbox,
  input: CreateJobInput,
  now: number,
  shard: ShardState = { storageBytes: 0, storageLimitBytes: Number.POSITIVE_INFINITY },
): CreateOutcome {
  const { idempotency } = input;
  const job: JobRecord = {
    ...input.job,
    seed_fixed: input.seedFixed,
    expires_ms: Date.parse(input.job.created_at) + input.limits.retentionDays * DAY_MS,
  };
  const elsewhere = input.elsewhere ?? { activeJobs: 0, computeUnits: 0 };
  const subscriber = job.webhook_url ? { webhook_url: job.webhook_url, metadata: job.metadata } : null;
  const tenant = job.tenant_id;
  const replay = idempotency ? replayIdempotent(jobs, ledger, tenant, idempotency, now) : null;
  if (replay) return replay;
  const remember = (status: 200 | 202, id: string) => {
    if (idempotency) ledger.rememberIdempotent(tenant, idempotency.key, idempotency.bodyHash, id, status, now);
  };
  if (input.seedFixed) {
    const hit = jobs.byCacheKey(tenant, job.cache_key, ["succeeded"]);
    if (hit) {
      remember(200, hit.id);
      if (subscriber) outbox.addCached(hit, subscriber, now);
      return { ok: true, kind: "cached", status: 200, job: hit };
    }
    const twin = jobs.byCacheKey(tenant, job.cache_key, ["queued", "running"]);
    if (twin) {
      remember(202, twin.id);
      if (subscriber) outbox.subscribe(twin.id, subscriber);
      return { ok: true, kind: "attached", status: 202, job: twin };
    }
  }
  if (shard.storageBytes >= shard.storageLimitBytes) {
    // Retention keeps a shard bounded only while its tenants' volume × retention fits: refuse rather
    // than let the object hit Cloudflare's hard per-object limit (DEPLOY.md: grow QUEUE_SHARDS).
    const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
    return refuse(
      503,
      "unavailable",
      `this queue shard's storage is full (${gib(shard.storageBytes)} of ${gib(shard.storageLimitBytes)} GiB): try again later`,
      { retryAfter: 3600 },
    );
  }
  const active = jobs.countActive(tenant) + elsewhere.activeJobs;
  if (active >= input.limits.maxConcurrentJobs) {
    return refuse(
      429,
      "concurrency_limited",
      `${active} jobs are queued or running; the limit is ${input.limits.maxConcurrentJobs}`,
      {
        retryAfter: 5,
      },
    );
  }
  const day = utcDay(now);
  const used = ledger.usage(tenant, day).compute_units + elsewhere.computeUnits;
  if (used + job.compute_units > input.limits.dailyComputeUnits) {
    const left = Math.max(0, input.limits.dailyComputeUnits - used);
    return refuse(
      429,
      "budget_exhausted",
      `this job needs ${job.compute_units} compute units; ${left} of ${input.limits.dailyComputeUnits} are left today`,
      { retryAfter: secondsUntilUtcMidnight(now) },
    );
  }
  jobs.insert(job);
  ledger.charge(tenant, day, job.compute_units);
  remember(202, job.id);
  return { ok: true, kind: "created", status: 202, job };
}

/**
 * The answer an Idempotency-Key already has here: a replay of its first response's video, a 422
 * when the body differs, or null when the key is new (or its video is gone).
 */
export function replayIdempotent(
  jobs: JobTable,
  ledger: Ledger,
  tenant: string,
  idempotency: { key: string; bodyHash: string },
  now: number,
): CreateOutcome | null {
  const seen = ledger.findIdempotent(tenant, idempotency.key, now - IDEMPOTENCY_TTL_MS);
  if (!seen) return null;
  if (seen.body_hash !== idempotency.bodyHash) {
    return refuse(422, "idempotency_key_reused", "this Idempotency-Key was used with a different request body", {
      errors: [
        {
          field: "Idempotency-Key",
          rule: "reused",
          message: "Idempotency-Key was already used with a different body",
        },
      ],
    });
  }
  const original = jobs.getForTenant(tenant, seen.video_id);
  return original ? { ok: true, kind: "replayed", status: seen.status_code as 200 | 202, job: original } : null;
}
