import { createRequire } from "node:module";
import { type ManagedChild, startChild } from "./child-process.js";

/** The runner process, exported by `@sketchreel/gpu-runner`. */
const RUNNER_BIN = createRequire(import.meta.url).resolve("@sketchreel/gpu-runner/bin/sketchreel-runner.mjs");

export interface RunnerProcessOptions {
  id: string;
  edgeUrl: string;
  runnerToken: string;
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  modelDir: string;
  logFile: string;
  /** Extra variables of the runner's config (`@sketchreel/gpu-runner/config`) (e.g. THREADS, LEASE_WAIT_MS). */
  env?: Record<string, string>;
  /** Inherited from the caller: PATH and HOME (`loadDevConfig().runnerEnv`). */
  inherited: Record<string, string | undefined>;
}

/**
 * Starts one runner process (`sketchreel-runner`) configured through the variables its config
 * reads. Its metrics port is picked by the OS (PORT=0) so several runners share one machine.
 */
export function startRunner(options: RunnerProcessOptions): ManagedChild {
  return startChild({
    name: options.id,
    command: process.execPath,
    args: [RUNNER_BIN],
    env: {
      ...options.inherited,
      EDGE_URL: options.edgeUrl,
      RUNNER_TOKEN: options.runnerToken,
      RUNNER_ID: options.id,
      S3_ENDPOINT: options.s3.endpoint,
      S3_BUCKET: options.s3.bucket,
      S3_ACCESS_KEY_ID: options.s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: options.s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      MODEL_DIR: options.modelDir,
      PORT: "0",
      // On SIGTERM a runner lets its pending long poll return before exiting: keep polls short
      // locally so Ctrl-C is quick (RUNNER_STOP_GRACE_MS in stack.ts covers poll + job grace).
      LEASE_WAIT_MS: "5000",
      SHUTDOWN_GRACE_MS: "5000",
      ...options.env,
    },
    logFile: options.logFile,
  });
}
