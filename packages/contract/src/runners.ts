import { z } from "@hono/zod-openapi";
import { LeaseId, Timestamp, VideoId } from "./ids.js";
import { type GenerationRequest, ModelId, ResolvedParams, Variant } from "./params.js";
import { Stage } from "./videos.js";

/** The most jobs one lease call may grant. */
export const MAX_LEASE_BATCH = 64;

export const LeaseRequest = z
  .object({
    runner_id: z.string().min(1).max(100),
    models: z.array(ModelId).min(1, { error: "models must name at least one model id" }),
    wait_ms: z.number().int().min(0).max(30_000).default(20_000).openapi({ description: "Long-poll time." }),
    max_jobs: z
      .number()
      .int()
      .min(1)
      .max(MAX_LEASE_BATCH)
      .default(1)
      .openapi({
        description:
          "Lease up to this many jobs in one call (a batched lease). The first is `job` + `lease` as with one; " +
          "the others are in `more_leases`. Each job has its own lease, heartbeat and completion.",
      }),
  })
  .strict()
  .openapi("LeaseRequest");

export const LeasedJob = z
  .object({
    id: VideoId,
    tenant_id: z.string(),
    attempt: z.number().int().positive(),
    model: z.object({ id: ModelId, version: z.string() }),
    prompt: z.string(),
    negative_prompt: z.string(),
    params: ResolvedParams,
    outputs: z.array(Variant),
    output_prefix: z.string().openapi({ description: "S3 key prefix for this job's objects (per tenant)." }),
  })
  .openapi("LeasedJob");
export type LeasedJob = z.infer<typeof LeasedJob>;

/** The generation request a leased job carries, as one value for the pipeline. */
export function generationRequestOf(job: Pick<LeasedJob, "prompt" | "negative_prompt" | "params">): GenerationRequest {
  return { prompt: job.prompt, negative_prompt: job.negative_prompt, ...job.params };
}

export const LeaseGrant = z
  .object({
    job: LeasedJob,
    lease: z.object({ id: LeaseId, ttl_ms: z.number().int().positive(), expires_at: Timestamp }),
  })
  .openapi("LeaseGrant");
export type LeaseGrant = z.infer<typeof LeaseGrant>;

export const Lease = LeaseGrant.extend({
  more_leases: z
    .array(LeaseGrant)
    .optional()
    .openapi({ description: "The other jobs of a batched lease (`max_jobs` > 1), oldest first; absent otherwise." }),
}).openapi("Lease");
export type Lease = z.infer<typeof Lease>;

export const HeartbeatRequest = z
  .object({
    lease_id: LeaseId,
    progress: z.object({
      stage: Stage,
      step: z.number().int().nonnegative(),
      total_steps: z.number().int().nonnegative(),
    }),
  })
  .strict()
  .openapi("HeartbeatRequest");

export const HeartbeatResponse = z
  .object({ lease_expires_at: Timestamp, cancel_requested: z.boolean() })
  .openapi("HeartbeatResponse");

export const CompletedOutput = z.object({
  variant: Variant,
  key: z.string().min(1).max(1024),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/, { error: "sha256 must be 64 lowercase hex characters" }),
  content_type: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

export const CompleteRequest = z
  .object({
    lease_id: LeaseId,
    seed: z.number().int().nonnegative(),
    outputs: z.array(CompletedOutput).min(1),
    timings_ms: z.record(z.string(), z.number().nonnegative()).default({}),
  })
  .strict()
  .openapi("CompleteRequest");

export const FailRequest = z
  .object({
    lease_id: LeaseId,
    code: z.string().min(1).max(64),
    message: z.string().max(2000),
    retryable: z.boolean(),
    released: z
      .boolean()
      .default(false)
      .openapi({
        description:
          "The runner hands the job back unfinished (graceful shutdown) rather than failing it: the job is " +
          "requeued and this attempt is not counted. Requires retryable: true.",
      }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.released && !body.retryable) {
      ctx.addIssue({
        code: "custom",
        path: ["retryable"],
        message: "retryable must be true when released is true (got false)",
      });
    }
  })
  .openapi("FailRequest");

export const JobAck = z
  .object({ id: VideoId, status: z.enum(["queued", "running", "succeeded", "failed", "canceled"]) })
  .openapi("JobAck");
