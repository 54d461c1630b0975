import { afterAll, beforeAll, expect, it } from "vitest";
import { distinctPrompt, percentile, runLoad } from "../harness/load.js";
import { startTestStack, type TestStack } from "../harness/stack.js";

// A bounded version of `npm run bench`'s load run: 40 submissions, 12 clients, 2 runners, a
// tenant limited to 8 active jobs so the edge must throttle. Correctness only; figures in the bench.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({
    runners: 2,
    edgeVars: { TIER_LIMITS: JSON.stringify({ internal: { max_concurrent_jobs: 8 } }) },
  });
});
afterAll(() => t?.stop());

it("brings every accepted submission to a terminal state; every 429 carries Retry-After", async () => {
  const report = await runLoad({
    apiUrl: t.apiUrl,
    apiKey: await t.createKey("internal"),
    submissions: 40,
    concurrency: 12,
    body: (i) => ({ prompt: distinctPrompt(i), num_inference_steps: 1, outputs: ["poster"] }),
    drainTimeoutMs: 150_000,
  });
  console.info(
    `load: ${report.accepted} accepted, ${report.throttled} × 429, ${report.retriedTransient} × 503/reset retried, ${report.jobsPerSecond.toFixed(2)} jobs/s, job p50 ${percentile(report.jobLatencyMs, 50)} ms`,
  );
  expect(report.errors, report.errorSamples.join("\n")).toEqual({});
  expect(report.accepted).toBe(40);
  expect(new Set(report.ids).size).toBe(40); // retries with the same Idempotency-Key made no duplicates
  expect(report.unfinished).toEqual([]);
  expect(report.terminal).toEqual({ succeeded: 40 });
  expect(report.throttled).toBeGreaterThan(0);
  expect(report.throttledWithoutRetryAfter).toBe(0);
});
