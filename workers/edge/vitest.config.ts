import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

/** The vars a deployment of wrangler.jsonc gets, without and with `--env production`. */
const configPath = fileURLToPath(new URL("./wrangler.jsonc", import.meta.url));
const DEPLOYED_VARS = {
  default: unstable_readConfig({ config: configPath }).vars,
  production: unstable_readConfig({ config: configPath, env: "production" }).vars,
};

/** Test-only settings: short leases and retry delays keep every test bounded. */
export const TEST_BINDINGS = {
  ADMIN_TOKEN: "test-admin-token",
  RUNNER_TOKEN: "test-runner-token",
  S3_SECRET_ACCESS_KEY: "test-s3-secret",
  PUBLIC_BASE_URL: "https://edge.test",
  ENVIRONMENT: "production",
  S3_ENDPOINT: "http://127.0.0.1:4568",
  LEASE_TTL_MS: "400",
  // Standard Webhooks' day-long schedule, scaled down: three attempts, 40 ms then 80 ms apart.
  WEBHOOK_RETRY_SCHEDULE: "0ms,40ms,80ms",
  EMBED_LOOKUPS_PER_MINUTE: "30",
  /** wrangler.jsonc's own vars, for the test that a deployment of them fails closed. */
  DEPLOYED_VARS: JSON.stringify(DEPLOYED_VARS),
  TIER_LIMITS: JSON.stringify({
    free: { requests_per_minute: 50, max_concurrent_jobs: 3, daily_compute_units: 10 },
    pro: { requests_per_minute: 100_000, max_concurrent_jobs: 1_000, daily_compute_units: 1_000_000 },
  }),
};

export default defineConfig({
  test: {
    silent: "passed-only",
    projects: [
      {
        // Everything that touches the worker runs inside workerd with real Durable Objects and KV.
        plugins: [
          cloudflareTest({ wrangler: { configPath: "./wrangler.jsonc" }, miniflare: { bindings: TEST_BINDINGS } }),
        ],
        test: {
          name: "workerd",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.node.test.ts"],
          testTimeout: 20_000,
          // One file at a time: the files share the runner queue, and CI has two cores.
          fileParallelism: false,
        },
      },
      {
        // Checks that need the file system or a child process (model catalog, dry-run deploy).
        test: { name: "node", include: ["**/*.node.test.ts"], exclude: ["**/node_modules/**"], testTimeout: 120_000 },
      },
    ],
  },
});
