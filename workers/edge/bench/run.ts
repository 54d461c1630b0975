/**
 * Edge benchmark (not a test): on one local workerd (Miniflare), compare
 *   - a bare Hono route (bench/bare),
 *   - a cache-hit POST /v1/videos (auth → rate limit → validate → safety → cache key → memo hit;
 *     the JobQueue answers the first one),
 *   - the submit path (POST /v1/videos creating a new queued job each time),
 * and print requests/s, latencies and the ratios. Goal: cache hit ≥ 0.5 × bare.
 *
 *   npm run bench -w @sketchreel/edge [-- --seconds 10 --concurrency 32]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { type LoadResult, mergeResults, runLoad } from "./load.js";

const { values } = parseArgs({
  // seconds: per scenario, spread over one-second rounds that alternate the scenarios
  options: { seconds: { type: "string", default: "8" }, concurrency: { type: "string", default: "32" } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const edgeDir = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "sketchreel-bench-"));
const log = (event: string, fields: Record<string, unknown> = {}) =>
  console.error(JSON.stringify({ event, time: new Date().toISOString(), ...fields }));

function bundle(configPath: string, outdir: string, entry: string): string {
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "-c", configPath, "--outdir", outdir], {
    cwd: edgeDir,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    stdio: "ignore",
  });
  return join(outdir, entry);
}

const ADMIN = "bench-admin";
const RUNNER = "bench-runner";

async function main() {
  log("bundle");
  const edgeBundle = bundle("wrangler.jsonc", join(work, "edge"), "index.js");
  const bareBundle = bundle("bench/bare/wrangler.jsonc", join(work, "bare"), "worker.js");
  const compatibilityDate = "2026-04-20";
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    // Drop the worker's JSON-line logs: the benchmark measures request handling, not a console pipe.
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.resume();
      stderr.resume();
    },
    workers: [
      {
        name: "edge",
        modules: true,
        scriptPath: edgeBundle,
        modulesRoot: dirname(edgeBundle),
        compatibilityDate,
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        kvNamespaces: ["KEYS", "RESULTS"],
        durableObjects: {
          JOB_QUEUE: { className: "JobQueue", useSQLite: true },
          RATE_LIMITER: { className: "RateLimiter", useSQLite: true },
          WEBHOOKS: { className: "WebhookDispatcher", useSQLite: true },
          WEBHOOK_SECRETS: { className: "WebhookSecrets", useSQLite: true },
        },
        bindings: {
          ENVIRONMENT: "development",
          PUBLIC_BASE_URL: "http://edge.bench",
          S3_ENDPOINT: "http://127.0.0.1:4568",
          S3_REGION: "us-east-1",
          S3_BUCKET: "sketchreel",
          S3_ACCESS_KEY_ID: "bench",
          S3_SECRET_ACCESS_KEY: "bench",
          S3_FORCE_PATH_STYLE: "true",
          ADMIN_TOKEN: ADMIN,
          RUNNER_TOKEN: RUNNER,
          TIER_LIMITS: JSON.stringify({
            internal: { requests_per_minute: 10_000_000, max_concurrent_jobs: 10_000_000, daily_compute_units: 1e12 },
          }),
        },
      },
      {
        name: "bare",
        modules: true,
        scriptPath: bareBundle,
        modulesRoot: dirname(bareBundle),
        compatibilityDate,
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
      },
    ],
  });
  await mf.ready;
  const bases: Record<string, URL> = {
    "edge.bench": await mf.unsafeGetDirectURL("edge"),
    "bare.bench": await mf.unsafeGetDirectURL("bare"),
  };
  const at = (worker: string, path: string, init?: RequestInit) => new Request(new URL(path, bases[worker]), init);
  try {
    const created = await (
      await fetch(
        at("edge.bench", "/admin/v1/keys", {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
          body: JSON.stringify({ tenant_id: "bench", tier: "internal" }),
        }),
      )
    ).json();
    const auth = { authorization: `Bearer ${(created as { key: string }).key}`, "content-type": "application/json" };
    const cachedBody = JSON.stringify({ prompt: "a red ball falls from the top to the bottom", seed: 7 });
    const first = (await (
      await fetch(at("edge.bench", "/v1/videos", { method: "POST", headers: auth, body: cachedBody }))
    ).json()) as {
      id: string;
    };
    const lease = (await (
      await fetch(
        at("edge.bench", "/internal/runners/lease", {
          method: "POST",
          headers: { authorization: `Bearer ${RUNNER}`, "content-type": "application/json" },
          body: JSON.stringify({ runner_id: "bench", models: ["shape-world-tiny"], wait_ms: 0 }),
        }),
      )
    ).json()) as { job: { id: string; output_prefix: string }; lease: { id: string } };
    const outputs = ["mp4", "gif", "poster"].map((variant) => ({
      variant,
      key: `${lease.job.output_prefix}${variant}`,
      bytes: 1,
      sha256: "0".repeat(64),
      content_type: "application/octet-stream",
    }));
    const done = await fetch(
      at("edge.bench", `/internal/jobs/${first.id}/complete`, {
        method: "POST",
        headers: { authorization: `Bearer ${RUNNER}`, "content-type": "application/json" },
        body: JSON.stringify({ lease_id: lease.lease.id, seed: 7, outputs }),
      }),
    );
    if (!done.ok) throw new Error(`could not complete the warm-up job: ${done.status}`);
    const check = await fetch(at("edge.bench", "/v1/videos", { method: "POST", headers: auth, body: cachedBody }));
    if (check.headers.get("x-cache") !== "HIT") throw new Error("the cache-hit request did not hit");

    const scenarios: [string, () => Request][] = [
      ["bare_hono", () => at("bare.bench", "/")],
      ["auth_rate_limit_only", () => at("edge.bench", "/v1/templates/drop-in", { headers: auth })],
      ["cache_hit", () => at("edge.bench", "/v1/videos", { method: "POST", headers: auth, body: cachedBody })],
      [
        "submit",
        () =>
          at("edge.bench", "/v1/videos", {
            method: "POST",
            headers: auth,
            body: JSON.stringify({ prompt: "a blue square slides from the left to the right" }),
          }),
      ],
    ];
    // Interleave the scenarios in short rounds so that drifting background load hits them alike.
    const rounds = Math.max(1, Math.round(seconds));
    const perRound: Record<string, LoadResult[]> = {};
    for (const [, make] of scenarios) await runLoad(make, { concurrency, seconds: 0.5 }); // warm-up
    for (let round = 0; round < rounds; round++) {
      log("round", { round: round + 1, of: rounds });
      for (const [name, make] of scenarios) {
        const list = perRound[name] ?? [];
        list.push(await runLoad(make, { concurrency, seconds: seconds / rounds }));
        perRound[name] = list;
      }
    }
    const results: Record<string, LoadResult> = Object.fromEntries(
      Object.entries(perRound).map(([name, list]) => [name, mergeResults(list)]),
    );
    const bare = results.bare_hono?.rps ?? 1;
    const rows = Object.entries(results).map(([name, r]) => ({
      scenario: name,
      rps: Math.round(r.rps),
      ratio_vs_bare: Number((r.rps / bare).toFixed(3)),
      p50_ms: Number(r.p50Ms.toFixed(2)),
      p99_ms: Number(r.p99Ms.toFixed(2)),
      requests: r.requests,
      statuses: r.statuses,
    }));
    console.table(rows.map(({ statuses, ...row }) => ({ ...row, statuses: JSON.stringify(statuses) })));
    const hitRatio = (results.cache_hit?.rps ?? 0) / bare;
    console.log(
      JSON.stringify({
        bench: "edge",
        seconds,
        concurrency,
        results: rows,
        cache_hit_vs_bare: Number(hitRatio.toFixed(3)),
        goal: 0.5,
      }),
    );
    console.log(`cache hit / bare Hono = ${hitRatio.toFixed(3)} (goal ≥ 0.5) ${hitRatio >= 0.5 ? "MET" : "NOT MET"}`);
  } finally {
    await mf.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
