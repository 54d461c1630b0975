import type { FieldError, Stage, VideoEventType } from "@sketchreel/contract";
import type { JobRecord, StoredOutput } from "../../jobs/job-record.js";
import { checkOutputs } from "./check-outputs.js";

/**
 * The job state machine, as pure functions: queued → running → succeeded | failed | canceled, with
 * requeues. Each takes a job and returns the next one (a new value; the input is never changed) and
 * the event to emit, or a typed refusal. The JobQueue Durable Object persists and notifies.
 */
export interface Step {
  ok: true;
  job: JobRecord;
  /** False when nothing changed (a second cancel of a running job): nothing to save. */
  changed: boolean;
  event: VideoEventType | null;
}

export type RefusalReason = "not_queued" | "lease_lost" | "not_cancelable" | "invalid_outputs";
export interface TransitionRefusal {
  ok: false;
  reason: RefusalReason;
  detail: string;
  errors?: FieldError[];
}

export type JobProgress = { stage: Stage; step: number; total_steps: number };
export interface NewLease {
  id: string;
  runnerId: string;
  ttlMs: number;
  /** The model's max job duration: heartbeats extend the lease up to claim time + this + one TTL. */
  maxJobMs: number;
}
export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
  /** The runner hands the job back unfinished (shutdown): requeued, the attempt not counted. */
  released: boolean;
}
export interface RunResult {
  outputs: StoredOutput[];
  timings_ms: Record<string, number>;
}

const step = (job: JobRecord, event: VideoEventType | null): Step => ({ ok: true, job, changed: true, event });
const refuse = (reason: RefusalReason, detail: string, errors?: FieldError[]): TransitionRefusal => ({
  ok: false,
  reason,
  detail,
  ...(errors ? { errors } : {}),
});
const at = (now: number) => new Date(now).toISOString();
const progressAt = (job: JobRecord, stage: Stage, step = 0): JobProgress => ({
  stage,
  step,
  total_steps: job.params.num_inference_steps,
});

/** queued → running: a runner claims the job, starting attempt `attempts + 1` under a new lease. */
export function claim(job: JobRecord, lease: NewLease, now: number): Step | TransitionRefusal {
  if (job.status !== "queued") return refuse("not_queued", `job ${job.id} is ${job.status}, not queued`);
  return step(
    {
      ...job,
      status: "running",
      attempts: job.attempts + 1,
      lease: {
        id: lease.id,
        runner_id: lease.runnerId,
        expires_at: now + lease.ttlMs,
        deadline: now + lease.maxJobMs + lease.ttlMs,
      },
      started_at: job.started_at ?? at(now),
      progress: progressAt(job, "check_inputs"),
    },
    "video.running",
  );
}

/** Why `leaseId` no longer holds the job, or null while it does (running, same lease, not expired). */
export function leaseRefusal(job: JobRecord, leaseId: string, now: number): TransitionRefusal | null {
  if (job.status === "running" && job.lease?.id === leaseId && job.lease.expires_at > now) return null;
  const why = job.status === "running" ? "the lease expired or was reassigned" : `the job is ${job.status}`;
  return refuse("lease_lost", `lease ${leaseId} no longer holds job ${job.id}: ${why}`);
}

/**
 * running → running: the lease is extended (never past its deadline, so a stuck job cannot hold it
 * forever) and the progress recorded (the reply carries `cancel_requested`).
 */
export function heartbeat(
  job: JobRecord,
  leaseId: string,
  progress: JobProgress,
  ttlMs: number,
  now: number,
): Step | TransitionRefusal {
  const lost = leaseRefusal(job, leaseId, now);
  if (lost) return lost;
  const lease = job.lease!;
  const expires = Math.min(now + ttlMs, lease.deadline ?? Number.POSITIVE_INFINITY);
  return step({ ...job, lease: { ...lease, expires_at: expires }, progress }, "video.progress");
}

/** running → succeeded, once the outputs are the requested variants under the job's own prefix. */
export function complete(job: JobRecord, leaseId: string, result: RunResult, now: number): Step | TransitionRefusal {
  const lost = leaseRefusal(job, leaseId, now);
  if (lost) return lost;
  const errors = checkOutputs(job, result.outputs);
  if (errors.length > 0) return refuse("invalid_outputs", errors.map((e) => e.message).join("; "), errors);
  const steps = job.params.num_inference_steps;
  return step(
    {
      ...job,
      status: "succeeded",
      outputs: result.outputs,
      timings_ms: result.timings_ms,
      lease: null,
      progress: { stage: "done", step: steps, total_steps: steps },
      completed_at: at(now),
    },
    "video.succeeded",
  );
}

/**
 * A runner gives the job up. A cancel it was asked for ends canceled; a release (graceful shutdown)
 * requeues without using the attempt; a retryable failure requeues while attempts remain; else failed.
 */
export function fail(
  job: JobRecord,
  leaseId: string,
  failure: Failure,
  maxAttempts: number,
  now: number,
): Step | TransitionRefusal {
  const lost = leaseRefusal(job, leaseId, now);
  if (lost) return lost;
  if (job.cancel_requested) return canceled(job, now);
  if (failure.released) return requeued({ ...job, attempts: job.attempts - 1 });
  if (failure.retryable && job.attempts < maxAttempts) return requeued(job);
  const error = { code: failure.code, message: failure.message, retryable: failure.retryable };
  return failed(job, error, now);
}

/** queued → canceled at once; running → cancel requested (the runner stops at its next heartbeat). */
export function cancel(job: JobRecord, now: number): Step | TransitionRefusal {
  if (job.status === "queued") return canceled(job, now);
  if (job.status !== "running") return refuse("not_cancelable", `video ${job.id} is already ${job.status}`);
  if (job.cancel_requested) return { ok: true, job, changed: false, event: null };
  return step({ ...job, cancel_requested: true }, null);
}

/**
 * A running job whose lease ran out: canceled if asked, failed when out of attempts (`job_timeout`
 * when the attempt hit its deadline, else `runner_lost`), else requeued.
 */
export function expireLease(job: JobRecord, maxAttempts: number, now: number): Step {
  if (job.cancel_requested) return canceled(job, now);
  if (job.attempts >= maxAttempts) {
    const timedOut = job.lease?.deadline !== undefined && now >= job.lease.deadline;
    return timedOut
      ? failed(
          job,
          { code: "job_timeout", message: "the job ran past the model's max job duration", retryable: false },
          now,
        )
      : failed(
          job,
          { code: "runner_lost", message: `no runner finished the job in ${job.attempts} attempts`, retryable: false },
          now,
        );
  }
  return requeued(job);
}

function requeued(job: JobRecord): Step {
  return step({ ...job, status: "queued", lease: null, progress: progressAt(job, "queued") }, "video.queued");
}

function canceled(job: JobRecord, now: number): Step {
  return step({ ...job, status: "canceled", lease: null, completed_at: at(now) }, "video.canceled");
}

function failed(job: JobRecord, error: NonNullable<JobRecord["error"]>, now: number): Step {
  return step({ ...job, status: "failed", lease: null, error, completed_at: at(now) }, "video.failed");
}
