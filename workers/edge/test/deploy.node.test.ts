import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const edgeDir = fileURLToPath(new URL("..", import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), "sketchreel-edge-dry-run-"));

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  CI: "true",
};

describe("wrangler", () => {
  it("has current binding types in worker-configuration.d.ts (wrangler types --check)", async () => {
    const { stdout } = await run("npx", ["wrangler", "types", "--strict-vars=false", "--check"], {
      cwd: edgeDir,
      env: wranglerEnv,
      timeout: 110_000,
    });
    expect(stdout).toContain("up to date");
  });

  it("deploy --dry-run bundles the worker with its Durable Objects, offline", async () => {
    const { stdout } = await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
      cwd: edgeDir,
      env: wranglerEnv,
      timeout: 110_000,
    });
    expect(stdout).toContain("--dry-run: exiting now.");
    expect(stdout).toMatch(/env\.JOB_QUEUE \(JobQueue\)/);
    const bundle = readdirSync(outdir).find((f) => f.endsWith(".js"));
    expect(bundle).toBeDefined();
    const code = readFileSync(join(outdir, bundle ?? ""), "utf8");
    for (const name of ["JobQueue", "RateLimiter", "WebhookDispatcher"])
      expect(code).toMatch(new RegExp(`var ${name} = class extends DurableObject`));
  });
});
