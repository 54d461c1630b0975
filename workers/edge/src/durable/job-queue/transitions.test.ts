import { describe, expect, it } from "vitest";
import type { JobRecord, StoredOutput } from "../../jobs/job-record.js";
import {
  cancel,
  claim,
  complete,
  expireLease,
  fail,
  heartbeat,
  type Step,
  type TransitionRefusal,
} from "./transitions.js";

const T0 = Date.UTC(2026, 0, 1, 12);
const ISO = (ms: number) => new Date(ms).toISOString();
const LEASE = { id: "lse_1", runnerId: "runner-a", ttlMs: 1_000, maxJobMs: 10_000 };
const MAX_ATTEMPTS = 3;

function queuedJob(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    id: "vid_1",
    tenant_id: "ten_1",
    key_id: "key_1",
    status: "queued",
    model: { id: "shape-world-tiny", version: "2.1.0" },
    prompt: "a red ball falls",
    negative_prompt: "",
    template: null,
    params: {
      width: 64,
      height: 64,
      num_frames: 16,
      fps: 8,
      num_inference_steps: 20,
      guidance_scale: 2,
      seed: 7,
      scheduler: "unipc",
    },
    outputs_requested: ["mp4", "poster"],
    progress: { stage: "queued", step: 0, total_steps: 20 },
    outputs: [],
    error: null,
    attempts: 0,
    share_id: "shr_1",
    webhook_url: null,
    metadata: {},
    created_at: ISO(T0 - 5_000),
    started_at: null,
    completed_at: null,
    output_prefix: "t/ten_1/vid_1/",
    cache_key: "c".repeat(64),
    compute_units: 1,
    cancel_requested: false,
    lease: null,
    version: 1,
    ...overrides,
  };
}

/** The job after a successful claim at T0 (attempt 1, lease LEASE until T0 + ttl). */
const runningJob = (overrides: Partial<JobRecord> = {}) => ({ ...ok(claim(queuedJob(), LEASE, T0)).job, ...overrides });

function ok(result: Step | TransitionRefusal): Step {
  if (!result.ok) throw new Error(`refused: ${result.reason}: ${result.detail}`);
  return result;
}

function refused(result: Step | TransitionRefusal): TransitionRefusal {
  if (result.ok) throw new Error(`expected a refusal, got ${result.job.status}`);
  return result;
}

const output = (variant: StoredOutput["variant"], key = `t/ten_1/vid_1/out.${variant}`): StoredOutput => ({
  variant,
  key,
  bytes: 10,
  sha256: "a".repeat(64),
  content_type: "video/mp4",
});

describe("claim (queued → running)", () => {
  it("starts an attempt under a new lease without changing the queued job", () => {
    const queued = queuedJob();
    const step = ok(claim(queued, LEASE, T0));
    expect(step).toMatchObject({ changed: true, event: "video.running" });
    expect(step.job).toMatchObject({
      status: "running",
      attempts: 1,
      lease: { id: "lse_1", runner_id: "runner-a", expires_at: T0 + 1_000, deadline: T0 + 11_000 },
      started_at: ISO(T0),
      progress: { stage: "check_inputs", step: 0, total_steps: 20 },
    });
    expect(queued).toEqual(queuedJob());
  });

  it("keeps the first start time on a later attempt", () => {
    const requeued = queuedJob({ attempts: 1, started_at: ISO(T0 - 1_000) });
    expect(ok(claim(requeued, LEASE, T0)).job).toMatchObject({ attempts: 2, started_at: ISO(T0 - 1_000) });
  });

  it("refuses a job that is not queued", () => {
    expect(refused(claim(runningJob(), LEASE, T0))).toMatchObject({ reason: "not_queued" });
  });
});

describe("heartbeat (running → running)", () => {
  it("extends the lease and records the progress", () => {
    const progress = { stage: "denoise" as const, step: 5, total_steps: 20 };
    const step = ok(heartbeat(runningJob(), "lse_1", progress, 1_000, T0 + 500));
    expect(step).toMatchObject({ changed: true, event: "video.progress" });
    expect(step.job).toMatchObject({ status: "running", progress, lease: { id: "lse_1", expires_at: T0 + 1_500 } });
  });

  it("never extends the lease past its deadline (the model's max job duration plus one TTL)", () => {
    let job = runningJob();
    for (let t = T0 + 500; t < T0 + 11_000; t += 500) job = ok(heartbeat(job, "lse_1", job.progress, 1_000, t)).job;
    expect(job.lease).toMatchObject({ expires_at: T0 + 11_000, deadline: T0 + 11_000 });
    expect(refused(heartbeat(job, "lse_1", job.progress, 1_000, T0 + 11_000))).toMatchObject({ reason: "lease_lost" });
  });

  it("refuses another lease, an expired lease and a finished job with lease_lost", () => {
    const progress = { stage: "denoise" as const, step: 1, total_steps: 20 };
    expect(refused(heartbeat(runningJob(), "lse_other", progress, 1_000, T0))).toMatchObject({
      reason: "lease_lost",
      detail: "lease lse_other no longer holds job vid_1: the lease expired or was reassigned",
    });
    expect(refused(heartbeat(runningJob(), "lse_1", progress, 1_000, T0 + 1_000)).reason).toBe("lease_lost");
    expect(refused(heartbeat(queuedJob(), "lse_1", progress, 1_000, T0))).toMatchObject({
      reason: "lease_lost",
      detail: "lease lse_1 no longer holds job vid_1: the job is queued",
    });
  });
});

describe("complete (running → succeeded)", () => {
  it("stores the outputs and timings and ends the lease", () => {
    const result = { outputs: [output("mp4")], timings_ms: { total: 900 } };
    const step = ok(complete(runningJob(), "lse_1", result, T0 + 900));
    expect(step).toMatchObject({ changed: true, event: "video.succeeded" });
    expect(step.job).toMatchObject({
      status: "succeeded",
      outputs: result.outputs,
      timings_ms: { total: 900 },
      lease: null,
      progress: { stage: "done", step: 20, total_steps: 20 },
      completed_at: ISO(T0 + 900),
    });
  });

  it("refuses outputs that were not requested or lie outside the job's prefix", () => {
    const outputs = [output("gif"), output("mp4", "t/ten_2/vid_9/out.mp4")];
    const refusal = refused(complete(runningJob(), "lse_1", { outputs, timings_ms: {} }, T0));
    expect(refusal.reason).toBe("invalid_outputs");
    expect(refusal.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual([
      "outputs.0.variant:enum",
      "outputs.1.key:prefix",
    ]);
  });

  it("refuses a lost lease", () => {
    const result = { outputs: [output("mp4")], timings_ms: {} };
    expect(refused(complete(runningJob(), "lse_1", result, T0 + 1_000)).reason).toBe("lease_lost");
  });
});

describe("fail", () => {
  const failure = { code: "generation_failed", message: "boom", retryable: false, released: false };

  it("fails a job for good on a non-retryable failure", () => {
    const step = ok(fail(runningJob(), "lse_1", failure, MAX_ATTEMPTS, T0));
    expect(step.event).toBe("video.failed");
    expect(step.job).toMatchObject({
      status: "failed",
      lease: null,
      error: { code: "generation_failed", message: "boom", retryable: false },
      completed_at: ISO(T0),
    });
  });

  it("requeues a retryable failure while attempts remain, using one up", () => {
    const retryable = { ...failure, retryable: true };
    const step = ok(fail(runningJob(), "lse_1", retryable, MAX_ATTEMPTS, T0));
    expect(step.event).toBe("video.queued");
    expect(step.job).toMatchObject({ status: "queued", attempts: 1, lease: null, completed_at: null });
    expect(step.job.progress).toEqual({ stage: "queued", step: 0, total_steps: 20 });
    const last = ok(fail(runningJob({ attempts: MAX_ATTEMPTS }), "lse_1", retryable, MAX_ATTEMPTS, T0));
    expect(last.job).toMatchObject({ status: "failed", error: { retryable: true } });
  });

  it("requeues a released job without using an attempt, even on its last one", () => {
    const released = { ...failure, code: "runner_shutdown", retryable: true, released: true };
    const step = ok(fail(runningJob({ attempts: MAX_ATTEMPTS }), "lse_1", released, MAX_ATTEMPTS, T0));
    expect(step.job).toMatchObject({ status: "queued", attempts: MAX_ATTEMPTS - 1, error: null });
  });

  it("ends a job whose cancel was requested as canceled", () => {
    const step = ok(fail(runningJob({ cancel_requested: true }), "lse_1", failure, MAX_ATTEMPTS, T0));
    expect(step.event).toBe("video.canceled");
    expect(step.job).toMatchObject({ status: "canceled", lease: null, error: null, completed_at: ISO(T0) });
  });

  it("refuses a lost lease", () => {
    expect(refused(fail(runningJob(), "lse_other", failure, MAX_ATTEMPTS, T0)).reason).toBe("lease_lost");
  });
});

describe("cancel", () => {
  it("cancels a queued job at once", () => {
    const step = ok(cancel(queuedJob(), T0));
    expect(step.event).toBe("video.canceled");
    expect(step.job).toMatchObject({ status: "canceled", completed_at: ISO(T0) });
  });

  it("asks a running job's runner to stop, once", () => {
    const step = ok(cancel(runningJob(), T0));
    expect(step).toMatchObject({ changed: true, event: null });
    expect(step.job).toMatchObject({ status: "running", cancel_requested: true });
    expect(ok(cancel(step.job, T0))).toMatchObject({ changed: false, event: null });
  });

  it("refuses a finished job", () => {
    for (const status of ["succeeded", "failed", "canceled"] as const) {
      expect(refused(cancel(queuedJob({ status }), T0))).toMatchObject({
        reason: "not_cancelable",
        detail: `video vid_1 is already ${status}`,
      });
    }
  });
});

describe("expireLease", () => {
  it("requeues while attempts remain", () => {
    const step = expireLease(runningJob(), MAX_ATTEMPTS, T0 + 1_000);
    expect(step.event).toBe("video.queued");
    expect(step.job).toMatchObject({ status: "queued", attempts: 1, lease: null });
  });

  it("fails with runner_lost after the last attempt", () => {
    const step = expireLease(runningJob({ attempts: MAX_ATTEMPTS }), MAX_ATTEMPTS, T0 + 1_000);
    expect(step.event).toBe("video.failed");
    expect(step.job).toMatchObject({
      status: "failed",
      lease: null,
      error: { code: "runner_lost", message: "no runner finished the job in 3 attempts", retryable: false },
      completed_at: ISO(T0 + 1_000),
    });
  });

  it("fails with job_timeout when the last attempt ran into its deadline", () => {
    const step = expireLease(runningJob({ attempts: MAX_ATTEMPTS }), MAX_ATTEMPTS, T0 + 11_000);
    expect(step.job).toMatchObject({ status: "failed", error: { code: "job_timeout", retryable: false } });
  });

  it("cancels a job whose cancel was requested", () => {
    const step = expireLease(runningJob({ cancel_requested: true }), MAX_ATTEMPTS, T0 + 1_000);
    expect(step.job).toMatchObject({ status: "canceled", lease: null });
  });
});
