import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { EDGE_CONFIG } from "@sketchreel/dev-stack";
import type { Miniflare as MiniflareType } from "miniflare";
import { unstable_readConfig } from "wrangler";

export interface WorkerdEdge {
  url: string;
  adminToken: string;
  runnerToken: string;
  createKey(tier?: "free" | "pro" | "internal"): Promise<string>;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/**
 * The edge as `wrangler deploy` bundles it, in workerd through Miniflare on a direct socket: no dev
 * proxy in front (wrangler's local proxy reads request bodies itself, so how the edge treats a
 * body can only be seen without it). Durable Objects, KV and vars come from wrangler.jsonc, with
 * `vars` on top; state is in memory.
 */
export async function startWorkerdEdge(vars: Record<string, string>): Promise<WorkerdEdge> {
  const outdir = mkdtempSync(join(tmpdir(), "sketchreel-workerd-edge-"));
  const offline = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  await run("npx", ["wrangler", "deploy", "--dry-run", "-c", EDGE_CONFIG, "--outdir", outdir], {
    cwd: dirname(EDGE_CONFIG),
    env: offline,
    timeout: 120_000,
  });
  const config = unstable_readConfig({ config: EDGE_CONFIG });
  // Miniflare is wrangler's own dependency: the same workerd that `wrangler dev` runs.
  const require = createRequire(createRequire(import.meta.url).resolve("wrangler"));
  const { Miniflare } = (await import(require.resolve("miniflare"))) as { Miniflare: typeof MiniflareType };
  const secrets = {
    adminToken: `adm_${randomBytes(12).toString("hex")}`,
    runnerToken: `rnr_${randomBytes(12).toString("hex")}`,
  };
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.resume();
      stderr.resume();
    },
    workers: [
      {
        name: "edge",
        modules: true,
        scriptPath: join(outdir, "index.js"),
        modulesRoot: outdir,
        compatibilityDate: config.compatibility_date,
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        kvNamespaces: config.kv_namespaces.map((kv: { binding: string }) => kv.binding),
        durableObjects: Object.fromEntries(
          config.durable_objects.bindings.map((b: { name: string; class_name: string }) => [
            b.name,
            { className: b.class_name, useSQLite: true },
          ]),
        ),
        bindings: {
          ...(config.vars as Record<string, string>),
          ADMIN_TOKEN: secrets.adminToken,
          RUNNER_TOKEN: secrets.runnerToken,
          S3_SECRET_ACCESS_KEY: "unused",
          ...vars,
        },
      },
    ],
  });
  await mf.ready;
  const url = (await mf.unsafeGetDirectURL("edge")).origin;
  let tenants = 0;
  return {
    url,
    ...secrets,
    async createKey(tier = "internal") {
      const res = await fetch(`${url}/admin/v1/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${secrets.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ tenant_id: `workerd-${process.pid}-${tenants++}`, tier }),
      });
      if (res.status !== 201) throw new Error(`creating a key: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { key: string }).key;
    },
    async stop() {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
