import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type S3FaultProxy, startS3FaultProxy } from "../harness/s3-fault-proxy.js";
import { startTestStack, type TestStack } from "../harness/stack.js";

// Runners upload through a proxy that fails a share of PUTs with 503 SlowDown or a dropped
// connection after a stall: uploads are retried, every job succeeds, every object is intact.
let t: TestStack;
let proxy: S3FaultProxy;

beforeAll(async () => {
  t = await startTestStack({
    runners: 1,
    runnerS3Endpoint: async (s3) => {
      // Deterministic pattern: PUT 1 fails 503, 2 passes, 3 stalls and drops, 4 passes, … (half fail).
      proxy = await startS3FaultProxy(s3, (n) => (n % 4 === 1 ? "503" : n % 4 === 3 ? "timeout" : "pass"), 1_000);
      return proxy.endpoint;
    },
  });
});
afterAll(async () => {
  await t?.stop();
  await proxy?.close();
});

it("retries failed and stalled uploads: no job lost, every stored object matches its checksum", async () => {
  const jobs = await Promise.all(
    ["a red ball falls", "a blue square rises", "a green triangle sits still"].map((prompt) =>
      t.client.videos.createAndWait(
        { prompt, num_inference_steps: 1, outputs: ["mp4", "gif", "poster"] },
        { timeout: 180_000 },
      ),
    ),
  );
  expect(jobs.map((j) => j.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  expect(proxy.injected["503"]).toBeGreaterThan(0);
  expect(proxy.injected.timeout).toBeGreaterThan(0);
  expect(t.logs.find("S3 upload retry").length).toBeGreaterThan(0);

  for (const job of jobs) {
    expect(job.attempts).toBe(1); // retried inside the upload, not by re-running the job
    for (const output of job.outputs) {
      const res = await t.client.videos.content(job.id, { variant: output.variant });
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length).toBe(output.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(output.sha256);
    }
  }
});
