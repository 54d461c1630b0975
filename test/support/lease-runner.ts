import { createHash } from "node:crypto";
import type { Lease } from "@sketchreel/contract";
import type { LocalEdge } from "./edge.js";
import { media } from "./media.js";
import type { LocalS3 } from "./s3.js";

export interface TestRunnerOptions {
  /** Pause between denoise heartbeats, so clients can watch progress (default 20 ms). */
  stepDelayMs?: number;
  models?: string[];
}

export interface TestRunner {
  /** Ids of the jobs it completed, in order. */
  completed: string[];
  stop(): Promise<void>;
}

/**
 * A minimal runner for client tests (issue 6 allows one until the real runner is used here): it
 * speaks the real lease protocol over HTTP to the real edge — lease (long poll), one heartbeat per
 * denoise step, uploads of real media files to S3, complete — but renders nothing itself.
 */
export function startTestRunner(edge: LocalEdge, s3: LocalS3, options: TestRunnerOptions = {}): TestRunner {
  const completed: string[] = [];
  const abort = new AbortController();
  const headers = { authorization: `Bearer ${edge.runnerToken}`, "content-type": "application/json" };
  const post = (path: string, body: unknown) =>
    fetch(`${edge.url}${path}`, { method: "POST", headers, body: JSON.stringify(body), signal: abort.signal });

  async function runJob({ job, lease }: Lease): Promise<void> {
    const total = job.params.num_inference_steps;
    for (let step = 0; step <= total; step++) {
      const res = await post(`/internal/jobs/${job.id}/heartbeat`, {
        lease_id: lease.id,
        progress: { stage: "denoise", step, total_steps: total },
      });
      const beat = (await res.json()) as { cancel_requested?: boolean };
      if (!res.ok) throw new Error(`heartbeat: HTTP ${res.status} ${JSON.stringify(beat)}`);
      if (beat.cancel_requested) {
        await post(`/internal/jobs/${job.id}/fail`, {
          lease_id: lease.id,
          code: "canceled",
          message: "canceled",
          retryable: false,
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, options.stepDelayMs ?? 20));
    }
    const files = media();
    const outputs = [];
    for (const variant of job.outputs) {
      const file = files[variant];
      const key = `${job.output_prefix}${variant === "poster" ? "poster" : "video"}.${file.extension}`;
      await s3.put(key, file.bytes, file.contentType);
      const sha256 = createHash("sha256").update(file.bytes).digest("hex");
      outputs.push({
        variant,
        key,
        bytes: file.bytes.length,
        sha256,
        content_type: file.contentType,
        width: 64,
        height: 64,
      });
    }
    const res = await post(`/internal/jobs/${job.id}/complete`, {
      lease_id: lease.id,
      seed: job.params.seed,
      outputs,
      timings_ms: { total: 1 },
    });
    if (!res.ok) throw new Error(`complete: HTTP ${res.status} ${await res.text()}`);
    completed.push(job.id);
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const res = await post("/internal/runners/lease", {
          runner_id: "client-test-runner",
          models: options.models ?? ["shape-world-tiny"],
          wait_ms: 1_000,
        });
        if (res.status === 204) continue;
        if (!res.ok) throw new Error(`lease: HTTP ${res.status} ${await res.text()}`);
        await runJob((await res.json()) as Lease);
      } catch (error) {
        if (abort.signal.aborted) return;
        console.error(JSON.stringify({ msg: "test runner error", error: String(error) }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })();

  return {
    completed,
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
