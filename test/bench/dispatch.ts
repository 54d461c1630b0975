/**
 * Dispatch benchmark (not a test): how many jobs per second the edge's JobQueue hands out and
 * completes when runners do no work. Queues N jobs, then K no-op runners lease and complete them
 * over HTTP (the real runner protocol) as fast as they can. Goal ≥ 300 jobs/s. Prints JSON.
 *
 *   npx tsx test/bench/dispatch.ts [--jobs 1000] [--runners 8]
 */
import { parseArgs } from "node:util";
import type { Lease } from "@sketchreel/contract";
import { distinctPrompt, percentile } from "../harness/load.js";
import { startTestStack } from "../harness/stack.js";

const { values } = parseArgs({
  options: { jobs: { type: "string", default: "1000" }, runners: { type: "string", default: "8" } },
});
const jobs = Number(values.jobs);
const runners = Number(values.runners);
/** POST, retrying local-dev proxy 503s and dropped connections (as real runners do); counts them. */
let transient = 0;
async function post(url: string, init: RequestInit): Promise<Response> {
  for (;;) {
    try {
      const res = await fetch(url, { ...init, method: "POST" });
      if (res.status !== 503) return res;
      await res.body?.cancel();
    } catch {
      // connection dropped: retry
    }
    transient++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const unlimited = { requests_per_minute: 1e7, max_concurrent_jobs: 1e7, daily_compute_units: 1e9 };

const t = await startTestStack({ runners: 0, edgeVars: { TIER_LIMITS: JSON.stringify({ internal: unlimited }) } });
try {
  const key = await t.createKey("internal");
  const submitStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < jobs) {
        const i = next++;
        const res = await post(`${t.apiUrl}/v1/videos`, {
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": `d-${i}` },
          body: JSON.stringify({ prompt: distinctPrompt(i), num_inference_steps: 1, outputs: ["poster"] }),
        });
        if (res.status !== 202) throw new Error(`submit: HTTP ${res.status} ${await res.text()}`);
        await res.body?.cancel();
      }
    }),
  );
  const submitSeconds = (performance.now() - submitStart) / 1000;

  const headers = { authorization: `Bearer ${t.stack.info.runnerToken}`, "content-type": "application/json" };
  const cycleMs: number[] = [];
  let completed = 0;
  const dispatchStart = performance.now();
  await Promise.all(
    Array.from({ length: runners }, async (_, r) => {
      for (;;) {
        const t0 = performance.now();
        const res = await post(`${t.apiUrl}/internal/runners/lease`, {
          headers,
          body: JSON.stringify({ runner_id: `noop-${r}`, models: ["shape-world-tiny"], wait_ms: 0 }),
        });
        if (res.status === 204) return;
        if (!res.ok) throw new Error(`lease: HTTP ${res.status} ${await res.text()}`);
        const { job, lease } = (await res.json()) as Lease;
        const done = await post(`${t.apiUrl}/internal/jobs/${job.id}/complete`, {
          headers,
          body: JSON.stringify({
            lease_id: lease.id,
            seed: job.params.seed,
            outputs: [
              {
                variant: "poster",
                key: `${job.output_prefix}poster.png`,
                bytes: 1,
                sha256: "0".repeat(64),
                content_type: "image/png",
              },
            ],
          }),
        });
        // 409 after a retried complete: the first one landed and the lease is spent.
        if (!done.ok && done.status !== 409) throw new Error(`complete: HTTP ${done.status} ${await done.text()}`);
        await done.body?.cancel();
        cycleMs.push(performance.now() - t0);
        completed++;
      }
    }),
  );
  const dispatchSeconds = (performance.now() - dispatchStart) / 1000;
  console.log(
    JSON.stringify({
      bench: "dispatch",
      jobs,
      noop_runners: runners,
      completed,
      submit_per_s: Number((jobs / submitSeconds).toFixed(1)),
      dispatch_jobs_per_s: Number((completed / dispatchSeconds).toFixed(1)),
      goal_jobs_per_s: 300,
      transient_retried: transient,
      lease_complete_ms: { p50: Math.round(percentile(cycleMs, 50)), p99: Math.round(percentile(cycleMs, 99)) },
    }),
  );
} finally {
  await t.stop();
}
