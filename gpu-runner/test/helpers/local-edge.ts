import { fileURLToPath } from "node:url";
import { unstable_startWorker } from "wrangler";

export const EDGE_CONFIG = fileURLToPath(new URL("../../../workers/edge/wrangler.jsonc", import.meta.url));

export interface LocalEdge {
  url: string;
  adminToken: string;
  runnerToken: string;
  dispose(): Promise<void>;
}

/**
 * The real edge worker (workers/edge) in workerd via wrangler, offline, on 127.0.0.1 with in-memory
 * Durable Objects and KV. `vars` override wrangler.jsonc (e.g. LEASE_TTL_MS, S3_ENDPOINT).
 */
export async function startLocalEdge(vars: Record<string, string> = {}): Promise<LocalEdge> {
  const adminToken = "test-admin-token";
  const runnerToken = "test-runner-token";
  const plain = (value: string) => ({ type: "plain_text" as const, value });
  const worker = await unstable_startWorker({
    config: EDGE_CONFIG,
    bindings: {
      ADMIN_TOKEN: plain(adminToken),
      RUNNER_TOKEN: plain(runnerToken),
      S3_SECRET_ACCESS_KEY: plain("S3RVER"),
      WEBHOOK_SECRET: plain("whsec_dGVzdC13ZWJob29rLXNlY3JldC0zMi1ieXRlcyE="),
      ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, plain(v)])),
    },
    dev: {
      server: { hostname: "127.0.0.1", port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      remote: false,
      logLevel: "none",
    },
  });
  await worker.ready;
  const url = (await worker.url).toString().replace(/\/$/, "");
  return { url, adminToken, runnerToken, dispose: () => worker.dispose() };
}
