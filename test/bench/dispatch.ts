/**
 * Dispatch benchmark (not a test): how many jobs per second the edge's JobQueue shards hand out
 * and complete when runners do no work. Queues N jobs over T tenants, then K no-op runners lease
 * (batched: `max_jobs`) and complete them over HTTP (the real runner protocol) as fast as they
 * can. By default against the bundled edge in workerd on a direct socket (`--via stack`: the dev
 * stack, behind wrangler's local proxy). Goal ≥ 300 jobs/s. Prints JSON.
 *
 *   npx tsx test/bench/dispatch.ts [--jobs 2000] [--runners 8] [--batch 16] [--tenants 16]
 *                                  [--shards 4] [--via workerd|stack]
 */
import { parseArgs } from "node:util";
import { startTestStack } from "../harness/stack.js";
import { startWorkerdEdge } from "../support/workerd-edge.js";
import { type DispatchEdge, runDispatch, UNLIMITED_INTERNAL } from "./dispatch-run.js";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "2000" },
    runners: { type: "string", default: "8" },
    batch: { type: "string", default: "16" },
    tenants: { type: "string", default: "16" },
    shards: { type: "string", default: "4" },
    via: { type: "string", default: "workerd" },
  },
});
const vars = { TIER_LIMITS: UNLIMITED_INTERNAL, QUEUE_SHARDS: values.shards };
const options = {
  jobs: Number(values.jobs),
  runners: Number(values.runners),
  batch: Number(values.batch),
  tenants: Number(values.tenants),
};

let edge: DispatchEdge;
let stop: () => Promise<void>;
if (values.via === "stack") {
  const t = await startTestStack({ runners: 0, edgeVars: vars });
  let n = 0;
  edge = {
    url: t.apiUrl,
    runnerToken: t.stack.info.runnerToken,
    createKey: () => t.createKey("internal", `dispatch-${process.pid}-${n++}`),
  };
  stop = () => t.stop();
} else {
  const w = await startWorkerdEdge({ ENVIRONMENT: "development", PUBLIC_BASE_URL: "http://127.0.0.1", ...vars });
  edge = { url: w.url, runnerToken: w.runnerToken, createKey: () => w.createKey("internal") };
  stop = () => w.stop();
}
try {
  const result = await runDispatch(edge, options);
  console.log(
    JSON.stringify({
      bench: "dispatch",
      via: values.via,
      shards: Number(values.shards),
      goal_jobs_per_s: 300,
      ...result,
    }),
  );
} finally {
  await stop();
}
