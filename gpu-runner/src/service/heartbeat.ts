import type { Stage } from "@sketchreel/contract";
import type { EdgeClient } from "./edge-client.js";
import { LeaseLostError } from "./edge-retry-policy.js";
import type { Logger } from "./logger.js";

export interface JobProgress {
  stage: Stage;
  step: number;
  total_steps: number;
}

export interface HeartbeatOptions {
  edge: Pick<EdgeClient, "heartbeat">;
  jobId: string;
  leaseId: string;
  intervalMs: number;
  /** The lease's TTL: the edge extends the lease by this much from each heartbeat it receives. */
  leaseTtlMs: number;
  /** The latest progress, read at each beat. */
  progress: () => JobProgress;
  /** The edge says the user canceled the job. */
  onCancel: () => void;
  /**
   * The lease is gone: the edge answered 409, or no heartbeat got through for a whole TTL (the edge
   * unreachable), so the lease has expired there and the job may be running elsewhere.
   */
  onLeaseLost: (error: Error) => void;
  log: Logger;
}

/** No heartbeat reached the edge for a whole lease TTL: the lease has expired there. */
export class LeaseExpiredError extends Error {
  override readonly name = "LeaseExpiredError";
}

/**
 * Beats right away and then every `intervalMs` (never overlapping) until `stop()`: extends the lease,
 * reports progress and relays cancellation. Transient failures are logged and the next beat tries
 * again — but only until the lease would have run out: the edge extends it by `leaseTtlMs` from each
 * beat it receives, so a lease whose last acknowledged beat was sent more than a TTL ago is expired
 * there (whatever the clocks say), and the runner stops on its own even when the edge is unreachable.
 */
export function startHeartbeat(options: HeartbeatOptions) {
  const { edge, jobId, leaseId, intervalMs, leaseTtlMs, log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  // The edge counts from when it received the beat (or granted the lease), a little after we sent it:
  // stop a margin early rather than a moment late.
  const validMs = leaseTtlMs - Math.min(2_000, leaseTtlMs * 0.1);
  const armExpiry = (sentAt: number) => {
    clearTimeout(expiry);
    expiry = setTimeout(
      () => {
        if (stopped) return;
        options.onLeaseLost(new LeaseExpiredError(`no heartbeat reached the edge for ${leaseTtlMs} ms`));
      },
      Math.max(0, sentAt + validMs - performance.now()),
    );
  };
  armExpiry(performance.now());

  const beat = async () => {
    const sentAt = performance.now();
    try {
      const res = await edge.heartbeat(jobId, { lease_id: leaseId, progress: options.progress() });
      if (!stopped) armExpiry(sentAt);
      if (res.cancel_requested && !stopped) options.onCancel();
    } catch (error) {
      if (error instanceof LeaseLostError) {
        if (!stopped) options.onLeaseLost(error);
        return;
      }
      log.warn("heartbeat failed; retrying at the next beat", { error });
    }
  };
  const loop = () => {
    if (stopped) return;
    inFlight = beat().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    /** Stops beating and waits for a beat in flight, so no heartbeat races `complete`/`fail`. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(expiry);
      await inFlight;
    },
  };
}
