import type { ErrorCode } from "@sketchreel/contract";
import type { JobRecord } from "../../jobs/job-record.js";
import { type Refusal, refuse } from "../../jobs/outcome.js";
import { findModel } from "../../models.js";
import type { TransitionRefusal } from "./transitions.js";

const REFUSALS: Record<TransitionRefusal["reason"], [status: number, code: ErrorCode]> = {
  not_queued: [409, "conflict"],
  lease_lost: [409, "lease_lost"],
  not_cancelable: [409, "conflict"],
  invalid_outputs: [422, "validation_failed"],
};

/** A refused transition as the HTTP refusal the worker renders. */
export function refusalFor({ reason, detail, errors }: TransitionRefusal): Refusal {
  const [status, code] = REFUSALS[reason];
  return refuse(status, code, detail, errors ? { errors } : {});
}

/** The longest a job of this model may run (its package's `limits.max_job_seconds`, else 10 minutes). */
export function maxJobMs(job: JobRecord): number {
  return (findModel(job.model.id)?.limits.max_job_seconds ?? DEFAULT_MAX_JOB_SECONDS) * 1000;
}
const DEFAULT_MAX_JOB_SECONDS = 600;
