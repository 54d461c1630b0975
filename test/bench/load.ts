/**
 * Load benchmark (not a test): 500 submissions from 50 concurrent clients against the local stack
 * with 2 runners on the tiny test model (1 step, poster only: the fast path), one tenant limited
 * to 64 active jobs so the edge throttles. Prints throughput and latency percentiles as JSON.
 *
 *   npx tsx test/bench/load.ts [--submissions 500] [--concurrency 50] [--runners 2]
 */
import { parseArgs } from "node:util";
import { distinctPrompt, percentile, runLoad } from "../harness/load.js";
import { startTestStack } from "../harness/stack.js";

const { values } = parseArgs({
  options: {
    submissions: { type: "string", default: "500" },
    concurrency: { type: "string", default: "50" },
    runners: { type: "string", default: "2" },
    "max-active": { type: "string", default: "64" },
  },
});

const t = await startTestStack({
  runners: Number(values.runners),
  edgeVars: { TIER_LIMITS: JSON.stringify({ internal: { max_concurrent_jobs: Number(values["max-active"]) } }) },
});
try {
  const report = await runLoad({
    apiUrl: t.apiUrl,
    apiKey: await t.createKey("internal"),
    submissions: Number(values.submissions),
    concurrency: Number(values.concurrency),
    body: (i) => ({ prompt: distinctPrompt(i), num_inference_steps: 1, outputs: ["poster"] }),
    drainTimeoutMs: 20 * 60_000,
  });
  const ms = (xs: number[]) => ({
    p50: Math.round(percentile(xs, 50)),
    p90: Math.round(percentile(xs, 90)),
    p99: Math.round(percentile(xs, 99)),
    max: Math.round(Math.max(...xs)),
  });
  const result = {
    bench: "load",
    submissions: Number(values.submissions),
    concurrency: Number(values.concurrency),
    runners: Number(values.runners),
    accepted: report.accepted,
    throttled_429: report.throttled,
    throttled_without_retry_after: report.throttledWithoutRetryAfter,
    transient_retried: report.retriedTransient,
    distinct_videos: new Set(report.ids).size,
    errors: report.errors,
    error_samples: report.errorSamples,
    terminal: report.terminal,
    unfinished: report.unfinished.length,
    wall_s: Number(report.wallSeconds.toFixed(1)),
    jobs_per_s: Number(report.jobsPerSecond.toFixed(2)),
    submit_latency_ms: ms(report.submitLatencyMs),
    job_latency_ms: ms(report.jobLatencyMs),
  };
  console.log(JSON.stringify(result));
} finally {
  await t.stop();
}
