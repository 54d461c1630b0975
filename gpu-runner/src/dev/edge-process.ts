import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ManagedChild, startChild } from "./child-process.js";
import { waitForHttp } from "./wait-for-http.js";

export const EDGE_CONFIG = fileURLToPath(new URL("../../../workers/edge/wrangler.jsonc", import.meta.url));

export interface EdgeProcessOptions {
  port: number;
  /** Durable Objects and KV persist here (wrangler `--persist-to`). */
  persistDir: string;
  /** Written as a dotenv file: secrets and var overrides (wrangler `--env-file`). */
  envFile: string;
  vars: Record<string, string>;
  logFile: string;
  readyTimeoutMs?: number;
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
 * Runs the edge worker in workerd through `wrangler dev` (local mode, real Durable Objects and
 * KV persisted under `persistDir`) and resolves once it answers HTTP.
 */
export async function startEdge(options: EdgeProcessOptions): Promise<EdgeProcess> {
  const dotenv = Object.entries(options.vars)
    .map(([k, v]) => `${k}=${quoteDotenv(k, v)}`)
    .join("\n");
  await writeFile(options.envFile, `${dotenv}\n`, { mode: 0o600 });
  const wrangler = createRequire(EDGE_CONFIG).resolve("wrangler/bin/wrangler.js");
  const child = startChild({
    name: "edge",
    command: process.execPath,
    args: [
      wrangler,
      "dev",
      ...["--config", EDGE_CONFIG, "--ip", "127.0.0.1", "--port", String(options.port)],
      ...["--persist-to", options.persistDir, "--env-file", options.envFile],
      ...["--inspector-port", "0", "--show-interactive-dev-session=false", "--live-reload=false"],
    ],
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV, FORCE_COLOR: "0" },
    logFile: options.logFile,
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

/** dotenv quoting: single quotes are literal (JSON values stay intact), then double, then backticks. */
export function quoteDotenv(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`${name}: edge variables must be one line`);
  for (const quote of ["'", '"', "`"]) if (!value.includes(quote)) return `${quote}${value}${quote}`;
  throw new Error(`${name}: a value cannot contain ', " and \` at once`);
}

export const edgeLogFile = (logsDir: string) => join(logsDir, "edge.log");
