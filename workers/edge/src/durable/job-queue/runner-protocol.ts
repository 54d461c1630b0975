import type { Stage } from "@sketchreel/contract";
import { newId } from "../../crypto.js";
import type { JobRecord, StoredOutput } from "../../jobs/job-record.js";
import { type Outcome, refuse } from "../../jobs/outcome.js";
import type { JobTable } from "./job-table.js";

export interface LeaseGrant {
  job: JobRecord;
  leaseId: string;
  expiresAt: number;
}

/** Claim the oldest queued job of `models` for `runnerId`. */
export function claimNext(jobs: JobTable, models: readonly string[], runnerId: string, ttlMs: number, now: number) {
  const job = jobs.nextQueued(models);
  if (!job) return null;
  const leaseId = newId("lse");
  const expiresAt = now + ttlMs;
  job.status = "running";
  job.attempts += 1;
  job.lease = { id: leaseId, runner_id: runnerId, expires_at: expiresAt };
  job.started_at ??= new Date(now).toISOString();
  job.progress = { stage: "check_inputs", step: 0, total_steps: job.params.num_inference_steps };
  jobs.save(job);
  return { job, leaseId, expiresAt } satisfies LeaseGrant;
}

/** The running job whose lease `leaseId` still holds, or why not. */
export function heldJob(jobs: JobTable, id: string, leaseId: string, now: number): Outcome<{ job: JobRecord }> {
  const job = jobs.get(id);
  if (!job) return refuse(404, "not_found", `job ${id} not found`);
  if (job.status !== "running" || job.lease?.id !== leaseId || job.lease.expires_at <= now) {
    const why = job.status === "running" ? "the lease expired or was reassigned" : `the job is ${job.status}`;
    return refuse(409, "lease_lost", `lease ${leaseId} no longer holds job ${id}: ${why}`);
  }
  return { ok: true, job };
}

export function recordHeartbeat(
  jobs: JobTable,
  job: JobRecord,
  progress: { stage: Stage; step: number; total_steps: number },
  ttlMs: number,
  now: number,
) {
  if (job.lease) job.lease.expires_at = now + ttlMs;
  job.progress = progress;
  jobs.save(job);
  return { expiresAt: job.lease?.expires_at ?? now, cancelRequested: job.cancel_requested };
}

/** Check a runner's outputs: requested variants only, keys under the job's own prefix. */
export function checkOutputs(job: JobRecord, outputs: StoredOutput[]) {
  const errors = outputs.flatMap((output, i) => {
    const problems = [];
    if (!job.outputs_requested.includes(output.variant)) {
      problems.push({
        field: `outputs.${i}.variant`,
        rule: "enum",
        message: `outputs.${i}.variant must be one of ${job.outputs_requested.join(", ")} (got ${output.variant})`,
      });
    }
    if (!output.key.startsWith(job.output_prefix) || output.key.includes("..")) {
      problems.push({
        field: `outputs.${i}.key`,
        rule: "prefix",
        message: `outputs.${i}.key must start with ${job.output_prefix}`,
      });
    }
    return problems;
  });
  return errors;
}

/** Requeue or finally fail every job whose lease ran out. Returns jobs that reached a terminal state. */
export function expireLeases(
  jobs: JobTable,
  maxAttempts: number,
  now: number,
): { requeued: JobRecord[]; lost: JobRecord[] } {
  const requeued: JobRecord[] = [];
  const lost: JobRecord[] = [];
  for (const job of jobs.expiredLeases(now)) {
    job.lease = null;
    if (job.cancel_requested) {
      job.status = "canceled";
      job.completed_at = new Date(now).toISOString();
      lost.push(jobs.save(job));
    } else if (job.attempts >= maxAttempts) {
      job.status = "failed";
      job.error = {
        code: "runner_lost",
        message: `no runner finished the job in ${job.attempts} attempts`,
        retryable: false,
      };
      job.completed_at = new Date(now).toISOString();
      lost.push(jobs.save(job));
    } else {
      job.status = "queued";
      job.progress = { stage: "queued", step: 0, total_steps: job.params.num_inference_steps };
      requeued.push(jobs.save(job));
    }
  }
  return { requeued, lost };
}
