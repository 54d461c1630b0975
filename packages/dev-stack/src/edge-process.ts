import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ManagedChild, startChild, tsxLoader } from "./child-process.js";
import type { DevConfig } from "./config.js";
import type { EdgeMainOptions } from "./edge-main.js";
import { waitForHttp } from "./wait-for-http.js";

/** The edge worker's own configuration, exported by `@sketchreel/edge`. */
export const EDGE_CONFIG = createRequire(import.meta.url).resolve("@sketchreel/edge/wrangler.jsonc");
const EDGE_MAIN = fileURLToPath(new URL("./edge-main.ts", import.meta.url));

export interface EdgeProcessOptions {
  port: number;
  /** Durable Objects and KV persist here. */
  persistDir: string;
  /** Vars and secrets of the worker (wrangler.jsonc `vars` overrides included). */
  vars: Record<string, string>;
  /** Restart on edits to workers/edge (default false: a restart answers in-flight POSTs 503). */
  watch?: boolean;
  logFile: string;
  readyTimeoutMs?: number;
  /** The environment and wrangler log level the edge process gets (`loadDevConfig`). */
  dev: Pick<DevConfig, "edgeEnv" | "edgeLogLevel">;
}

export interface EdgeProcess {
  url: string;
  child: ManagedChild;
}

/** No telemetry, no Cloudflare API calls: the edge runs fully offline in workerd. */
export const OFFLINE_WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
} as const;

/**
 * Runs the edge worker in workerd (wrangler's local mode, real Durable Objects and KV persisted
 * under `persistDir`) in its own process group, and resolves once it answers HTTP.
 */
export async function startEdge(options: EdgeProcessOptions): Promise<EdgeProcess> {
  const input: EdgeMainOptions = {
    config: EDGE_CONFIG,
    port: options.port,
    persistDir: options.persistDir,
    vars: options.vars,
    watch: options.watch ?? false,
    logLevel: options.dev.edgeLogLevel,
  };
  const child = startChild({
    name: "edge",
    command: process.execPath,
    args: ["--import", tsxLoader(), EDGE_MAIN],
    env: { ...options.dev.edgeEnv, ...OFFLINE_WRANGLER_ENV, FORCE_COLOR: "0" },
    logFile: options.logFile,
    input: JSON.stringify(input),
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/openapi.json`, {
      timeoutMs: options.readyTimeoutMs ?? 120_000,
      gaveUp: child.exited.then((code) => `the edge exited (${code}) before it was ready; see ${options.logFile}`),
    });
  } catch (error) {
    await child.stop(2_000);
    throw error;
  }
  return { url, child };
}

export const edgeLogFile = (logsDir: string) => join(logsDir, "edge.log");
