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
  /** The latest progress, read at each beat. */
  progress: () => JobProgress;
  /** The edge says the user canceled the job. */
  onCancel: () => void;
  /** The edge answered 409: the lease is gone. */
  onLeaseLost: (error: LeaseLostError) => void;
  log: Logger;
}

/**
 * Beats right away and then every `intervalMs` (never overlapping) until `stop()`: extends the lease,
 * reports progress and relays cancellation. Transient failures are logged and the next beat tries
 * again; the lease TTL on the edge bounds how long that can go on.
 */
export function startHeartbeat(options: HeartbeatOptions) {
  const { edge, jobId, leaseId, intervalMs, log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const beat = async () => {
    try {
      const res = await edge.heartbeat(jobId, { lease_id: leaseId, progress: options.progress() });
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
      await inFlight;
    },
  };
}
