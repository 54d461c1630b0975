/**
 * Sharding benchmark (not a test): the dispatch workload of `dispatch.ts` against 1, 2 and 4
 * JobQueue shards (`QUEUE_SHARDS`), one after the other in one run, each on a fresh edge in
 * workerd. Prints one JSON line per shard count, then a summary line.
 *
 *   npx tsx test/bench/sharding.ts [--shards 1,2,4] [--jobs 1000] [--runners 8] [--batch 16] [--tenants 16]
 */
import { parseArgs } from "node:util";
import { startWorkerdEdge } from "../support/workerd-edge.js";
import { type DispatchResult, runDispatch, UNLIMITED_INTERNAL } from "./dispatch-run.js";

const { values } = parseArgs({
  options: {
    shards: { type: "string", default: "1,2,4" },
    jobs: { type: "string", default: "1000" },
    runners: { type: "string", default: "8" },
    batch: { type: "string", default: "16" },
    tenants: { type: "string", default: "16" },
  },
});
const rows: (DispatchResult & { shards: number })[] = [];
for (const shards of values.shards.split(",").map(Number)) {
  const edge = await startWorkerdEdge({
    ENVIRONMENT: "development",
    PUBLIC_BASE_URL: "http://127.0.0.1",
    TIER_LIMITS: UNLIMITED_INTERNAL,
    QUEUE_SHARDS: String(shards),
  });
  try {
    const result = await runDispatch(
      { url: edge.url, runnerToken: edge.runnerToken, createKey: () => edge.createKey("internal") },
      {
        jobs: Number(values.jobs),
        runners: Number(values.runners),
        batch: Number(values.batch),
        tenants: Number(values.tenants),
      },
    );
    rows.push({ shards, ...result });
    console.log(JSON.stringify({ bench: "sharding", shards, ...result }));
  } finally {
    await edge.stop();
  }
}
console.log(
  JSON.stringify({
    bench: "sharding",
    summary: rows.map((r) => ({
      shards: r.shards,
      dispatch_jobs_per_s: r.dispatch_jobs_per_s,
      submit_per_s: r.submit_per_s,
      p50_ms: r.lease_to_complete_ms.p50,
      p99_ms: r.lease_to_complete_ms.p99,
    })),
  }),
);
