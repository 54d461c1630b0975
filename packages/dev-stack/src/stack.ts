import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createApiKey, isApiKeyValid } from "./admin-client.js";
import type { ManagedChild } from "./child-process.js";
import { loadDevConfig } from "./config.js";
import { DEFAULT_PORT, DEFAULT_STATE_DIR } from "./defaults.js";
import { type DevInfo, devPaths, loadOrCreateSecrets, saveSecrets, writeDevInfo } from "./dev-state.js";
import { type EdgeProcess, edgeLogFile, startEdge } from "./edge-process.js";
import { assertPortFree } from "./free-port.js";
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from "./local-s3.js";
import { resolveModelDir } from "./model-dir.js";
import { startRunner } from "./runner-process.js";

export { DEFAULT_PORT, DEFAULT_STATE_DIR };
export const DEV_BUCKET = "sketchreel";

export interface DevStackOptions {
  stateDir?: string;
  /** The edge's port on 127.0.0.1 (default 8787). */
  port?: number;
  /** Runner processes to start (default 1; 0 runs the edge and S3 only). */
  runners?: number;
  modelDir?: string;
  /** s3rver's port (default 0: any free one). */
  s3Port?: number;
  /** Extra edge vars (wrangler.jsonc `vars`), e.g. `LEASE_TTL_MS` or `TIER_LIMITS`. */
  edgeVars?: Record<string, string>;
  /** Restart the edge when workers/edge changes (default false; `sketchreel dev` turns it on). */
  watchEdge?: boolean;
  /** Extra runner variables (`@sketchreel/gpu-runner/config`), e.g. `THREADS`. */
  runnerEnv?: Record<string, string>;
  /**
   * Where runners send S3 requests, given the local S3's endpoint (default: that endpoint). Tests
   * put a fault-injecting proxy here.
   */
  runnerS3Endpoint?: (s3Endpoint: string) => string | Promise<string>;
  /** Where a runner sends edge requests, given the API URL and its id (default: the API URL). Tests put a partitionable proxy here. */
  runnerEdgeUrl?: (apiUrl: string, runnerId: string) => string;
  /** Progress notes while starting and stopping ("s3 ready", "edge ready", …). */
  onNote?: (note: string) => void;
}

export interface DevStack {
  info: DevInfo;
  devJsonPath: string;
  stateDir: string;
  runners: ManagedChild[];
  edge: ManagedChild;
  /** Starts one more runner with the next id. */
  addRunner(): ManagedChild;
  /** Stops the edge and starts it again on the same port and persisted state. */
  restartEdge(): Promise<void>;
  /** Stops runners, then the edge, then S3. Safe to call more than once. */
  stop(): Promise<void>;
}

const RUNNER_STOP_GRACE_MS = 15_000;
const RUNNER_READY_TIMEOUT_MS = 120_000;

/** The runner's structured log line once it has loaded the model and starts leasing. */
export function isRunnerStartedLine(line: string): boolean {
  if (!line.startsWith("{")) return false;
  try {
    return (JSON.parse(line) as { msg?: unknown }).msg === "runner started";
  } catch {
    return false;
  }
}
const EDGE_STOP_GRACE_MS = 5_000;

/**
 * Starts the local stack DESIGN.md describes: S3 on loopback, the edge in workerd, N runners on
 * the embedded model. Tokens are generated on first start and kept in the state directory, the
 * API key is created through the admin API, and `dev.json` is written once everything is up.
 */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const dev = loadDevConfig();
  const stateDir = resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  const paths = devPaths(stateDir);
  const note = options.onNote ?? (() => {});
  // Checked up front so a missing model fails before anything starts; not needed without runners.
  const modelDir = (options.runners ?? 1) > 0 ? resolveModelDir(options.modelDir) : null;
  // A stale edge on the port would answer our requests with other tokens: refuse it up front.
  const port = options.port ?? DEFAULT_PORT;
  await assertPortFree(port);
  await Promise.all([paths.s3, paths.edgeState, paths.logs].map((dir) => mkdir(dir, { recursive: true })));
  const secrets = await loadOrCreateSecrets(stateDir);

  const s3: LocalS3 = await startLocalS3({ directory: paths.s3, bucket: DEV_BUCKET, port: options.s3Port ?? 0 });
  note(`s3 ready at ${s3.endpoint}`);
  const apiUrl = `http://127.0.0.1:${port}`;
  const edgeOptions = {
    port,
    persistDir: paths.edgeState,
    watch: options.watchEdge ?? false,
    logFile: edgeLogFile(paths.logs),
    dev,
    vars: {
      ENVIRONMENT: "development",
      PUBLIC_BASE_URL: apiUrl,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: DEV_BUCKET,
      S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      WEBHOOK_ALLOW_LOOPBACK: "true",
      ADMIN_TOKEN: secrets.adminToken,
      RUNNER_TOKEN: secrets.runnerToken,
      WEBHOOK_SECRET: secrets.webhookSecret,
      ...options.edgeVars,
    },
  };

  let edge: EdgeProcess;
  try {
    edge = await startEdge(edgeOptions);
  } catch (error) {
    await s3.close();
    throw error;
  }
  note(`edge ready at ${apiUrl}`);

  const runners: ManagedChild[] = [];
  const stopAll = async () => {
    await Promise.all(runners.map((r) => r.stop(RUNNER_STOP_GRACE_MS)));
    await edge.child.stop(EDGE_STOP_GRACE_MS);
    await s3.close().catch(() => {});
  };

  try {
    if (!secrets.apiKey || !(await isApiKeyValid(apiUrl, secrets.apiKey))) {
      const created = await createApiKey(apiUrl, secrets.adminToken, {
        tenant_id: "dev",
        name: "sketchreel dev",
        tier: "pro",
      });
      secrets.apiKey = created.key;
      await saveSecrets(stateDir, secrets);
      note("created an API key (tenant dev, tier pro)");
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const runnerS3 = {
    endpoint: options.runnerS3Endpoint ? await options.runnerS3Endpoint(s3.endpoint) : s3.endpoint,
    bucket: DEV_BUCKET,
    ...LOCAL_S3_CREDENTIALS,
  };
  let nextRunner = 1;
  const addRunner = () => {
    const id = `dev-runner-${nextRunner++}`;
    const runner = startRunner({
      id,
      edgeUrl: options.runnerEdgeUrl ? options.runnerEdgeUrl(apiUrl, id) : apiUrl,
      runnerToken: secrets.runnerToken,
      s3: runnerS3,
      modelDir: modelDir ?? resolveModelDir(options.modelDir),
      logFile: join(paths.logs, `${id}.log`),
      inherited: dev.runnerEnv,
      ...(options.runnerEnv ? { env: options.runnerEnv } : {}),
    });
    runners.push(runner);
    void runner.exited.then((code) => note(`${id} exited (${code})`));
    return runner;
  };
  for (let i = 0; i < (options.runners ?? 1); i++) addRunner();
  try {
    await Promise.all(runners.map((r) => r.waitForLine(isRunnerStartedLine, RUNNER_READY_TIMEOUT_MS)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  if (modelDir) note(`${runners.length} runner(s) ready on ${modelDir}`);

  const info: DevInfo = {
    apiUrl,
    apiKey: secrets.apiKey!,
    adminToken: secrets.adminToken,
    runnerToken: secrets.runnerToken,
    webhookSecret: secrets.webhookSecret,
    s3Endpoint: s3.endpoint,
    s3Bucket: DEV_BUCKET,
    s3AccessKeyId: LOCAL_S3_CREDENTIALS.accessKeyId,
    s3SecretAccessKey: LOCAL_S3_CREDENTIALS.secretAccessKey,
    modelDir,
    pid: process.pid,
    edgePid: edge.child.pid,
    runners: runners.map((r) => ({ id: r.name, pid: r.pid })),
    logsDir: paths.logs,
    startedAt: new Date().toISOString(),
  };
  const devJsonPath = await writeDevInfo(stateDir, info);

  let stopping: Promise<void> | null = null;
  const stack: DevStack = {
    info,
    devJsonPath,
    stateDir,
    runners,
    get edge() {
      return edge.child;
    },
    addRunner,
    async restartEdge() {
      await edge.child.stop(EDGE_STOP_GRACE_MS);
      edge = await startEdge(edgeOptions);
      info.edgePid = edge.child.pid;
      note("edge restarted");
    },
    stop() {
      stopping ??= stopAll();
      return stopping;
    },
  };
  return stack;
}
