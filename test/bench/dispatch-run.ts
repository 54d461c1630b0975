import { loadavg } from "node:os";
import type { Lease } from "@sketchreel/contract";
import { distinctPrompt, percentile } from "../harness/load.js";

/** An edge to dispatch through: the bundled worker in workerd, or the dev stack's edge. */
export interface DispatchEdge {
  url: string;
  runnerToken: string;
  /** A key of the `internal` tier (its limits lifted by the caller's TIER_LIMITS), on its own tenant. */
  createKey(): Promise<string>;
}

export interface DispatchOptions {
  jobs: number;
  /** No-op runners leasing and completing concurrently. */
  runners: number;
  /** `max_jobs` per lease call (1 = the protocol before batched leases). */
  batch: number;
  /** Tenants the jobs are spread over (round robin): tenants are what is hashed onto shards. */
  tenants: number;
  submitClients?: number;
}

export interface DispatchResult {
  jobs: number;
  tenants: number;
  noop_runners: number;
  batch: number;
  completed: number;
  submit_per_s: number;
  dispatch_jobs_per_s: number;
  lease_calls: number;
  /** From the start of the lease call that granted a job to the acknowledgement of its complete. */
  lease_to_complete_ms: { p50: number; p99: number };
  transient_retried: number;
  /** The first few 5xx answers other than 503 (retried, and counted in `transient_retried`). */
  server_errors: string[];
  load_average: number[];
}

/**
 * Queue `jobs` jobs (1 step, poster only, no seed, so no cache hits) over `tenants` tenants with
 * 32 clients, then let `runners` no-op runners lease (`max_jobs: batch`, `wait_ms: 0`) and
 * complete them over HTTP (the real runner protocol, fake output metadata) until the queue is
 * empty. Every complete of a batch is sent at once, as a runner with `batch` slots would.
 */
export async function runDispatch(edge: DispatchEdge, options: DispatchOptions): Promise<DispatchResult> {
  let transient = 0;
  const serverErrors: string[] = [];
  /**
   * POST, retrying 5xx answers and dropped connections as real runners and the SDK do (a lease or
   * complete is safe to repeat: a spent lease answers 409); counts them, keeps each 500's body.
   */
  async function post(path: string, headers: Record<string, string>, body: unknown): Promise<Response> {
    for (;;) {
      try {
        const res = await fetch(`${edge.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
        if (res.status < 500) return res;
        if (res.status !== 503) serverErrors.push(`${path.split("/").at(-1)}: ${res.status} ${await res.text()}`);
        else await res.body?.cancel();
      } catch {
        // connection dropped: retry
      }
      transient++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const keys = await Promise.all(Array.from({ length: options.tenants }, () => edge.createKey()));
  const submitStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: options.submitClients ?? 32 }, async () => {
      while (next < options.jobs) {
        const i = next++;
        const res = await post(
          "/v1/videos",
          {
            authorization: `Bearer ${keys[i % keys.length]}`,
            "content-type": "application/json",
            "idempotency-key": `d-${i}`,
          },
          { prompt: distinctPrompt(i), num_inference_steps: 1, outputs: ["poster"] },
        );
        if (res.status !== 202) throw new Error(`submit: HTTP ${res.status} ${await res.text()}`);
        await res.body?.cancel();
      }
    }),
  );
  const submitSeconds = (performance.now() - submitStart) / 1000;

  const headers = { authorization: `Bearer ${edge.runnerToken}`, "content-type": "application/json" };
  const latencies: number[] = [];
  let completed = 0;
  let leaseCalls = 0;
  const complete = async ({ job, lease }: Lease, leasedAt: number) => {
    const done = await post(`/internal/jobs/${job.id}/complete`, headers, {
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
    });
    // 409 after a retried complete: the first one landed and the lease is spent.
    if (!done.ok && done.status !== 409) throw new Error(`complete: HTTP ${done.status} ${await done.text()}`);
    await done.body?.cancel();
    latencies.push(performance.now() - leasedAt);
    completed++;
  };
  const dispatchStart = performance.now();
  await Promise.all(
    Array.from({ length: options.runners }, async (_, r) => {
      for (;;) {
        const t0 = performance.now();
        const res = await post("/internal/runners/lease", headers, {
          runner_id: `noop-${r}`,
          models: ["shape-world-tiny"],
          wait_ms: 0,
          max_jobs: options.batch,
        });
        leaseCalls++;
        if (res.status === 204) return;
        if (!res.ok) throw new Error(`lease: HTTP ${res.status} ${await res.text()}`);
        const { more_leases, ...first } = (await res.json()) as Lease;
        await Promise.all([first, ...(more_leases ?? [])].map((grant) => complete(grant, t0)));
      }
    }),
  );
  const dispatchSeconds = (performance.now() - dispatchStart) / 1000;
  return {
    jobs: options.jobs,
    tenants: options.tenants,
    noop_runners: options.runners,
    batch: options.batch,
    completed,
    submit_per_s: Number((options.jobs / submitSeconds).toFixed(1)),
    dispatch_jobs_per_s: Number((completed / dispatchSeconds).toFixed(1)),
    lease_calls: leaseCalls,
    lease_to_complete_ms: { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) },
    transient_retried: transient,
    server_errors: serverErrors.slice(0, 5),
    load_average: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** TIER_LIMITS for a dispatch run: the internal tier without request, concurrency or budget limits. */
export const UNLIMITED_INTERNAL = JSON.stringify({
  internal: { requests_per_minute: 1e7, max_concurrent_jobs: 1e7, daily_compute_units: 1e9 },
});
