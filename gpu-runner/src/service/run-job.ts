import { generationRequestOf, type Variant } from "@sketchreel/contract";
import { encodeToBuffer } from "@sketchreel/encode";
import type { ObjectStore } from "../storage/index.js";
import type { EdgeClient, EdgeLease } from "./edge-client.js";
import { LeaseLostError } from "./edge-retry-policy.js";
import { type JobProgress, startHeartbeat } from "./heartbeat.js";
import { describeFailure, type Failure, JobInterrupt, ModelVersionMismatchError } from "./job-failure.js";
import type { Logger } from "./logger.js";
import type { RunnerMetrics } from "./metrics.js";
import { outputKey } from "./output-keys.js";
import type { JobPipeline } from "./pipeline-port.js";

export type JobOutcome = "succeeded" | "failed" | "canceled" | "lease_lost" | "released";

export interface RunJobDeps {
  edge: EdgeClient;
  store: ObjectStore;
  pipeline: JobPipeline;
  metrics: RunnerMetrics;
  log: Logger;
  heartbeatIntervalMs: number;
  ffmpegPath: string;
  /** The loaded package's `model_version`; a job for another version is refused (retryable). */
  modelVersion?: string;
  /** Fires when the runner must give the job up (shutdown grace exceeded): the job is handed back (released). */
  release?: AbortSignal;
  /** The longest a job may run (the model's max job duration); past it the job fails with `job_timeout`. */
  maxJobMs: number;
}

/** How long an interrupted stage gets to notice its signal before the job stops waiting for it. */
const ABANDON_AFTER_MS = 5_000;
/** The most one ffmpeg encode may take, within the job's own limit. */
const MAX_ENCODE_MS = 120_000;

const ms = (since: number) => Math.round((performance.now() - since) * 100) / 100;

/**
 * One leased job, top to bottom: run the pipeline (heartbeats carry progress and bring back
 * cancellation), encode each requested variant, upload under the job's prefix, complete. Every
 * failure ends in exactly one of: `fail` (retryable or not), or dropping the work on a lost lease.
 */
export async function runJob({ job, lease }: EdgeLease, deps: RunJobDeps): Promise<JobOutcome> {
  const started = performance.now();
  const log = deps.log.child({ job_id: job.id, attempt: job.attempt });
  const controller = new AbortController();
  const interrupt = (kind: JobInterrupt["kind"]) => {
    if (!controller.signal.aborted) controller.abort(new JobInterrupt(kind));
  };
  const onRelease = () => interrupt("shutdown");
  deps.release?.addEventListener("abort", onRelease, { once: true });
  const timeout = setTimeout(() => {
    log.warn("job ran past the model's max job duration; stopping it", { max_job_ms: deps.maxJobMs });
    interrupt("timeout");
  }, deps.maxJobMs);

  let progress: JobProgress = { stage: "check_inputs", step: 0, total_steps: job.params.num_inference_steps };
  const heartbeat = startHeartbeat({
    edge: deps.edge,
    jobId: job.id,
    leaseId: lease.id,
    intervalMs: deps.heartbeatIntervalMs,
    leaseTtlMs: lease.ttl_ms,
    progress: () => progress,
    onCancel: () => {
      log.info("cancel requested; stopping at the next denoising step", { progress });
      interrupt("canceled");
    },
    onLeaseLost: (error) => {
      log.warn("lease lost; dropping the job", { error });
      interrupt("lease_lost");
    },
    log,
  });

  const finish = (outcome: JobOutcome) => {
    clearTimeout(timeout);
    deps.release?.removeEventListener("abort", onRelease);
    deps.metrics.jobs.inc({ outcome });
    deps.metrics.jobDuration.observe({ outcome }, (performance.now() - started) / 1000);
    log.info("job finished", { outcome, duration_ms: ms(started) });
    return outcome;
  };

  try {
    log.info("job started", {
      model: job.model.id,
      params: job.params,
      outputs: job.outputs,
      output_prefix: job.output_prefix,
    });
    const signal = controller.signal;
    if (deps.modelVersion && job.model.version !== deps.modelVersion) {
      throw new ModelVersionMismatchError(job.model.id, job.model.version, deps.modelVersion);
    }
    const result = await settleOrAbandon(
      deps.pipeline.run(generationRequestOf(job), { signal, onProgress: (p) => (progress = p) }),
      signal,
    );
    const timings: Record<string, number> = { ...result.timings_ms };
    for (const [stage, t] of Object.entries(result.timings_ms)) {
      if (stage !== "total") deps.metrics.stageDuration.observe({ stage }, t / 1000);
    }
    if (result.timings_ms.denoise) {
      deps.metrics.stepsPerSecond.set(job.params.num_inference_steps / (result.timings_ms.denoise / 1000));
    }

    const outputs = [];
    for (const variant of job.outputs) {
      signal.throwIfAborted();
      progress = { stage: "encode_video", step: 0, total_steps: 0 };
      let t = performance.now();
      const encoded = await settleOrAbandon(
        encodeToBuffer(result.video, variant, {
          ffmpegPath: deps.ffmpegPath,
          signal,
          timeoutMs: Math.max(1, Math.min(MAX_ENCODE_MS, deps.maxJobMs - (performance.now() - started))),
        }),
        signal,
      );
      timings[`encode_${variant}`] = ms(t);
      deps.metrics.stageDuration.observe({ stage: "encode_video" }, timings[`encode_${variant}`]! / 1000);

      progress = { stage: "upload", step: 0, total_steps: 0 };
      t = performance.now();
      const stored = await settleOrAbandon(
        deps.store.put(outputKey(job.output_prefix, job.attempt, variant), encoded.data, {
          contentType: encoded.contentType,
          signal,
        }),
        signal,
      );
      timings[`upload_${variant}`] = ms(t);
      deps.metrics.stageDuration.observe({ stage: "upload" }, timings[`upload_${variant}`]! / 1000);
      deps.metrics.uploadedBytes.inc({ variant }, stored.bytes);
      outputs.push(completedOutput(variant, stored, encoded));
    }
    signal.throwIfAborted();

    await heartbeat.stop();
    timings.total = ms(started);
    await deps.edge.complete(job.id, { lease_id: lease.id, seed: result.request.seed, outputs, timings_ms: timings });
    return finish("succeeded");
  } catch (error) {
    await heartbeat.stop();
    const reason = controller.signal.reason as unknown;
    if (error instanceof LeaseLostError || (reason instanceof JobInterrupt && reason.kind === "lease_lost")) {
      return finish("lease_lost");
    }
    const failure = failureFor(reason, error);
    log[failure.retryable ? "warn" : "info"](failure.released ? "job released" : "job failed", { ...failure, error });
    try {
      await deps.edge.fail(job.id, { lease_id: lease.id, ...failure });
    } catch (reportError) {
      if (reportError instanceof LeaseLostError) return finish("lease_lost");
      // The lease runs out on its own and the edge requeues the job: nothing is lost.
      log.error("could not report the failure; the lease will expire", { error: reportError });
    }
    if (reason instanceof JobInterrupt && reason.kind === "canceled") return finish("canceled");
    return finish(reason instanceof JobInterrupt && reason.kind === "shutdown" ? "released" : "failed");
  }
}

/**
 * `work`, unless the job's signal aborts and `work` has not settled `ABANDON_AFTER_MS` later (a
 * native call that never returns): then the job stops waiting for it and fails with the signal's
 * reason, so a stuck stage cannot hold the lease and the runner's slot.
 */
function settleOrAbandon<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => reject(signal.reason), ABANDON_AFTER_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    });
  });
}

function failureFor(reason: unknown, error: unknown): Failure {
  if (reason instanceof JobInterrupt && reason.kind === "canceled") {
    return { code: "canceled", message: "canceled by request", retryable: false };
  }
  if (reason instanceof JobInterrupt && reason.kind === "timeout") {
    return {
      code: "job_timeout",
      message: "the job ran longer than the model's max job duration and was stopped",
      retryable: true,
    };
  }
  if (reason instanceof JobInterrupt && reason.kind === "shutdown") {
    return {
      code: "runner_shutdown",
      message: "the runner shut down before the job finished",
      retryable: true,
      released: true,
    };
  }
  return describeFailure(error);
}

function completedOutput(
  variant: Variant,
  stored: { key: string; bytes: number; sha256: string },
  encoded: { contentType: string; width: number; height: number },
) {
  return {
    variant,
    key: stored.key,
    bytes: stored.bytes,
    sha256: stored.sha256,
    content_type: encoded.contentType,
    width: encoded.width,
    height: encoded.height,
  };
}
