import { sleep } from "../retry/backoff.js";
import type { EdgeClient } from "./edge-client.js";
import type { Logger } from "./logger.js";
import type { RunnerMetrics } from "./metrics.js";
import { type JobOutcome, type RunJobDeps, runJob } from "./run-job.js";

export interface LeaseLoopOptions extends Omit<RunJobDeps, "release"> {
  edge: EdgeClient;
  runnerId: string;
  models: string[];
  leaseWaitMs: number;
  log: Logger;
  metrics: RunnerMetrics;
  /** Pause after a failed poll (the edge client already retried). Default 2 s. */
  pollErrorBackoffMs?: number;
  onJobDone?: (outcome: JobOutcome) => void;
}

export type LoopState = "idle" | "busy" | "draining" | "stopped";

/**
 * Lease → run → lease … one job at a time, until `stop()`. Stopping lets a pending long poll
 * return (at most `leaseWaitMs`; a job it brings is handed straight back); a running job gets
 * `graceMs` to finish, after which it is released: handed back to the queue for another runner,
 * without using up one of the job's attempts.
 */
export function createLeaseLoop(options: LeaseLoopOptions) {
  const { edge, log, metrics } = options;
  const stopPolling = new AbortController();
  const release = new AbortController();
  let state: LoopState = "idle";
  let current: Promise<JobOutcome> | undefined;
  let done: Promise<void> | undefined;
  let jobsDone = 0;

  async function loop(): Promise<void> {
    while (!stopPolling.signal.aborted) {
      let leased: Awaited<ReturnType<EdgeClient["lease"]>>;
      try {
        // Not aborted on stop: the edge may already have handed this poll a job, which must not be
        // silently abandoned (it would sit leased until the TTL ran out and burn an attempt).
        leased = await edge.lease({
          runner_id: options.runnerId,
          models: options.models,
          wait_ms: options.leaseWaitMs,
        });
      } catch (error) {
        if (stopPolling.signal.aborted) break;
        metrics.leasePolls.inc({ result: "error" });
        log.error("lease poll failed", { error });
        await sleep(options.pollErrorBackoffMs ?? 2_000, stopPolling.signal).catch(() => {});
        continue;
      }
      metrics.leasePolls.inc({ result: leased ? "job" : "empty" });
      if (!leased) continue;
      if (stopPolling.signal.aborted) {
        options.onJobDone?.(await releaseUnstarted(leased));
        break;
      }
      if (state === "idle") state = "busy";
      metrics.busy.set(1);
      current = runJob(leased, { ...options, release: release.signal });
      const outcome = await current;
      current = undefined;
      metrics.busy.set(0);
      jobsDone++;
      if (state === "busy") state = "idle";
      options.onJobDone?.(outcome);
    }
  }

  /** A job leased while stopping goes straight back to the queue. */
  async function releaseUnstarted({ job, lease }: NonNullable<Awaited<ReturnType<EdgeClient["lease"]>>>) {
    log.info("job leased while stopping; handing it back", { job_id: job.id });
    await edge
      .fail(job.id, {
        lease_id: lease.id,
        code: "runner_shutdown",
        message: "the runner shut down before starting the job",
        retryable: true,
        released: true,
      })
      .catch((error: unknown) =>
        log.error("could not hand the job back; its lease will expire", { error, job_id: job.id }),
      );
    metrics.jobs.inc({ outcome: "released" });
    return "released" as const;
  }

  return {
    start(): Promise<void> {
      done ??= loop().finally(() => {
        state = "stopped";
      });
      return done;
    },
    /** Resolves when the loop has exited and the current job (if any) is completed or released. */
    async stop(graceMs: number): Promise<void> {
      if (state !== "stopped") state = "draining";
      stopPolling.abort(new Error("runner stopping"));
      if (current) log.info("waiting for the current job before exiting", { grace_ms: graceMs });
      const timer = setTimeout(() => {
        if (!current) return;
        log.warn("grace period over; releasing the current job");
        release.abort(new Error("shutdown grace period exceeded"));
      }, graceMs);
      await done;
      clearTimeout(timer);
    },
    status: () => ({ state, jobs_done: jobsDone }),
  };
}

export type LeaseLoop = ReturnType<typeof createLeaseLoop>;
