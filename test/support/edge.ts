import { randomBytes } from "node:crypto";
import { EDGE_CONFIG } from "@sketchreel/dev-stack";
import { unstable_startWorker } from "wrangler";
import { freePort } from "./ports.js";
import { S3_BUCKET, S3_CREDENTIALS } from "./s3.js";

export interface LocalEdge {
  url: string;
  adminToken: string;
  runnerToken: string;
  webhookSecret: string;
  /** Creates an API key through the admin API; returns the secret. */
  createKey(options?: { tier?: "free" | "pro" | "internal"; tenant?: string }): Promise<string>;
  stop(): Promise<void>;
}

let tenants = 0;

/**
 * The real edge worker in workerd (wrangler's `unstable_startWorker`, local mode, Durable Objects
 * and KV in memory), on a loopback port, presigning for the given S3 endpoint.
 */
export async function startEdge(options: { s3Endpoint: string; vars?: Record<string, string> }): Promise<LocalEdge> {
  process.env.WRANGLER_SEND_METRICS = "false";
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secrets = {
    adminToken: `adm_${randomBytes(12).toString("hex")}`,
    runnerToken: `rnr_${randomBytes(12).toString("hex")}`,
    webhookSecret: `whsec_${randomBytes(24).toString("base64")}`,
  };
  const vars: Record<string, string> = {
    // wrangler.jsonc's own vars are production rules without a base URL: the edge refuses to serve
    // with them (fails closed). A loopback edge is a development one.
    ENVIRONMENT: "development",
    ADMIN_TOKEN: secrets.adminToken,
    RUNNER_TOKEN: secrets.runnerToken,
    WEBHOOK_SECRET: secrets.webhookSecret,
    S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    S3_BUCKET,
    S3_ENDPOINT: options.s3Endpoint,
    PUBLIC_BASE_URL: url,
    ...options.vars,
  };
  const worker = await unstable_startWorker({
    config: EDGE_CONFIG,
    bindings: Object.fromEntries(Object.entries(vars).map(([k, value]) => [k, { type: "plain_text", value }])),
    dev: {
      server: { hostname: "127.0.0.1", port },
      inspector: false,
      persist: false,
      watch: false,
      liveReload: false,
      logLevel: "error",
    },
  });
  await worker.ready;
  return {
    url,
    ...secrets,
    async createKey({ tier = "pro", tenant = `client-${process.pid}-${tenants++}` } = {}) {
      const res = await fetch(`${url}/admin/v1/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${secrets.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ tenant_id: tenant, tier, environment: "test" }),
      });
      if (res.status !== 201) throw new Error(`creating a key: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { key: string }).key;
    },
    stop: () => worker.dispose(),
  };
}
