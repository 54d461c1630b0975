import { fileURLToPath } from "node:url";
import { type ManagedChild, startChild, tsxLoader } from "./child-process.js";

/** `sketchreel-runner` (from `@sketchreel/gpu-runner`) that exits with the stack that started it. */
const RUNNER_MAIN = fileURLToPath(new URL("./runner-main.ts", import.meta.url));

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
 * Starts one runner process (`sketchreel-runner` in `runner-main.ts`) configured through the variables its config
 * reads. Its metrics port is picked by the OS (PORT=0) so several runners share one machine.
 */
export function startRunner(options: RunnerProcessOptions): ManagedChild {
  return startChild({
    name: options.id,
    command: process.execPath,
    args: ["--import", tsxLoader(), RUNNER_MAIN],
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
