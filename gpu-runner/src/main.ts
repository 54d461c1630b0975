import { ConfigError, loadRunnerConfig } from "./config.js";
import { createLogger } from "./service/logger.js";
import type { RunnerService } from "./service/runner-service.js";

/** The runner process's help (`sketchreel-runner --help`, `sketchreel runner --help`). */
export const RUNNER_USAGE = `Usage: sketchreel-runner   (or: sketchreel runner)

Runs one runner process: long-polls the edge for jobs, generates them with the model package,
encodes the requested variants, uploads them to S3 and reports back. Configured by environment
variables (validated at start):

  EDGE_URL               edge base URL (required)
  RUNNER_TOKEN           bearer token of /internal/* (required)
  RUNNER_ID              name in leases and logs (default: <hostname>-<pid>)
  MODEL_DIR              model package (default: the embedded shape-world-tiny in gpu-runner/models)
  DEVICE                 cpu | cuda (default cpu; cuda falls back to cpu with one log line)
  THREADS                onnxruntime intra-op threads, 0 = automatic (default 0)
  S3_BUCKET              bucket for outputs (required)
  S3_ENDPOINT            S3-compatible endpoint (default: AWS)
  S3_REGION              (default us-east-1)
  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   (default: the AWS credential chain)
  S3_FORCE_PATH_STYLE    true for MinIO, s3rver and most S3-compatible servers (default false)
  S3_CACHE_CONTROL       Cache-Control of uploads (default: public, max-age=31536000, immutable)
  PORT                   /healthz and /metrics (default 9464)
  LEASE_WAIT_MS          long-poll wait, at most 30000 (default 20000)
  HEARTBEAT_INTERVAL_MS  (default 2000)
  SHUTDOWN_GRACE_MS      time a running job gets to finish on SIGTERM (default 30000)
  MAX_JOB_MS             the longest one job may run before it fails with job_timeout
                         (default 0: the model package's max job duration, else 600000)
  FFMPEG_PATH            (default ffmpeg)
  LOG_LEVEL              debug | info | warn | error (default info)

SIGTERM/SIGINT: stop leasing, let the current job finish within SHUTDOWN_GRACE_MS, else fail it as
retryable so another runner takes it; exit 0.`;

/**
 * Runs one runner process until SIGTERM/SIGINT and returns its exit code: 0 after a clean drain, 2 for
 * a bad configuration or a missing model package (before anything slow starts).
 */
export async function runRunner(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${RUNNER_USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(
      `sketchreel runner: unexpected arguments: ${argv.join(" ")} (it is configured by environment variables; see --help)\n`,
    );
    return 2;
  }
  let config: ReturnType<typeof loadRunnerConfig>;
  try {
    config = loadRunnerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sketchreel runner: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, base: { runner_id: config.runnerId } });
  // Handlers go in before anything slow: a SIGTERM while the model loads or the service starts
  // is remembered and honoured as soon as there is something to stop, instead of killing us.
  let service: RunnerService | undefined;
  let signalled = false;
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    log.info("signal received", { signal });
    signalled = true;
    if (service) stopping ??= service.stop();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    // Loaded only once the configuration is valid, so configuration errors come back fast.
    const [{ ModelNotFoundError }, { loadPipeline }, { startRunnerService }] = await Promise.all([
      import("@sketchreel/pipeline/onnx"),
      import("./service/load-pipeline.js"),
      import("./service/runner-service.js"),
    ]);
    let loaded: Awaited<ReturnType<typeof loadPipeline>>;
    try {
      loaded = await loadPipeline(config, log);
    } catch (error) {
      if (error instanceof ModelNotFoundError) {
        log.error("no model package", { error, model_dir: config.modelDir });
        process.stderr.write(`sketchreel runner: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    try {
      if (signalled) return 0;
      service = await startRunnerService({
        config,
        pipeline: loaded.pipeline,
        modelId: loaded.modelId,
        modelVersion: loaded.modelVersion,
        ...(loaded.maxJobMs ? { modelMaxJobMs: loaded.maxJobMs } : {}),
        log,
      });
      if (signalled) stopping ??= service.stop();
      await service.running;
      await stopping;
      return 0;
    } finally {
      await loaded.dispose();
    }
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}
