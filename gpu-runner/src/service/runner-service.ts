import type { RunnerConfig } from "../config.js";
import { createObjectStore, type ObjectStore } from "../storage/index.js";
import { createEdgeClient } from "./edge-client.js";
import { startHealthServer } from "./health-server.js";
import { createLeaseLoop } from "./lease-loop.js";
import { createLogger, type Logger } from "./logger.js";
import { createRunnerMetrics } from "./metrics.js";
import type { JobPipeline } from "./pipeline-port.js";
import type { JobOutcome } from "./run-job.js";

export interface RunnerServiceOptions {
  config: RunnerConfig;
  pipeline: JobPipeline;
  /** The model id this runner serves (`model_index.json` → `model_id`); leases are filtered by it. */
  modelId: string;
  /** `model_index.json` → `model_version`; when set, jobs for another version are failed as retryable. */
  modelVersion?: string;
  log?: Logger;
  store?: ObjectStore;
  onJobDone?: (outcome: JobOutcome) => void;
  /** The model package's max job duration; `config.maxJobMs` wins when set. Default 10 minutes. */
  modelMaxJobMs?: number;
}

const DEFAULT_MAX_JOB_MS = 600_000;

/**
 * The runner process, wired: health/metrics server, S3 store, edge client, lease loop. `stop()`
 * drains gracefully (see `createLeaseLoop`). Signals are the caller's business (the CLI command).
 */
export async function startRunnerService(options: RunnerServiceOptions) {
  const { config } = options;
  const log = options.log ?? createLogger({ level: config.logLevel, base: { runner_id: config.runnerId } });
  const metrics = createRunnerMetrics({ runner_id: config.runnerId, model: options.modelId });
  const store =
    options.store ??
    createObjectStore(config.s3, {
      onRetry: ({ attempt, delayMs, error }) => log.warn("S3 upload retry", { attempt, delay_ms: delayMs, error }),
    });
  const edge = createEdgeClient({
    edgeUrl: config.edgeUrl,
    runnerToken: config.runnerToken,
    onRetry: ({ attempt, delayMs, error }) => log.warn("edge request retry", { attempt, delay_ms: delayMs, error }),
  });
  const loop = createLeaseLoop({
    edge,
    store,
    pipeline: options.pipeline,
    metrics,
    log,
    runnerId: config.runnerId,
    models: [options.modelId],
    leaseWaitMs: config.leaseWaitMs,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    ffmpegPath: config.ffmpegPath,
    maxJobMs: config.maxJobMs || options.modelMaxJobMs || DEFAULT_MAX_JOB_MS,
    ...(options.modelVersion ? { modelVersion: options.modelVersion } : {}),
    ...(options.onJobDone ? { onJobDone: options.onJobDone } : {}),
  });
  const health = await startHealthServer({
    port: config.port,
    registry: metrics.registry,
    status: () => {
      const s = loop.status();
      return { ok: s.state === "idle" || s.state === "busy", runner_id: config.runnerId, model: options.modelId, ...s };
    },
  });
  log.info("runner started", { edge_url: config.edgeUrl, model: options.modelId, health_port: health.port });
  const running = loop.start();

  return {
    healthPort: health.port,
    metrics,
    /** Resolves when the loop ends (after `stop`). */
    running,
    async stop(graceMs = config.shutdownGraceMs): Promise<void> {
      log.info("runner stopping", { grace_ms: graceMs });
      await loop.stop(graceMs);
      await health.close();
      if (!options.store) store.close();
      log.info("runner stopped", loop.status());
    },
  };
}

export type RunnerService = Awaited<ReturnType<typeof startRunnerService>>;
