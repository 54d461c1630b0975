/**
 * A runner whose lease ran out (heartbeats too rare for the edge's TTL) gets 409 `lease_lost` from
 * the real edge and drops the work: no `fail`, no outputs recorded, the job goes back to the queue.
 */
import { createLogger, type JobOutcome, startRunnerService } from "@sketchreel/gpu-runner";
import { createPipeline, type Pipeline } from "@sketchreel/pipeline";
import { OnnxBackend } from "@sketchreel/pipeline/onnx";
import { TINY_MODEL_DIR as TINY_MODEL, throttledBackend } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type LocalEdge, startEdge } from "../support/edge.js";
import { testRunnerConfig } from "./runner-config.js";
import { type LocalS3, startLocalS3 } from "./s3-server.js";

let s3: LocalS3;
let edge: LocalEdge;
let slow: Pipeline;

beforeAll(async () => {
  s3 = await startLocalS3({ bucket: "sketchreel" });
  edge = await startEdge({ s3Endpoint: s3.config.endpoint!, vars: { LEASE_TTL_MS: "1000" } });
  slow = await createPipeline({
    backend: throttledBackend(OnnxBackend.create({ threads: 1, log: () => {} }), 50),
    modelDir: TINY_MODEL,
  });
});

afterAll(async () => {
  await slow?.dispose();
  await edge?.stop();
  await s3?.close();
});

it("drops a job whose lease expired instead of completing or failing it", async () => {
  const key = await fetch(`${edge.url}/admin/v1/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${edge.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ tenant_id: "lease-lost", tier: "pro" }),
  }).then((r) => r.json() as Promise<{ key: string }>);
  const created = await fetch(`${edge.url}/v1/videos`, {
    method: "POST",
    headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a blue square falls", num_inference_steps: 30, outputs: ["poster"] }),
  });
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };

  const lines: { msg: string; [k: string]: unknown }[] = [];
  let firstOutcome: (o: JobOutcome) => void = () => {};
  const outcome = new Promise<JobOutcome>((resolve) => {
    firstOutcome = resolve;
  });
  const service = await startRunnerService({
    config: testRunnerConfig(edge, s3, {
      runnerId: "runner-slow-heart",
      leaseWaitMs: 300,
      heartbeatIntervalMs: 60_000, // one beat at the start, none after: the 1 s lease runs out
      shutdownGraceMs: 100,
    }),
    pipeline: slow,
    modelId: "shape-world-tiny",
    log: createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l)) }),
    onJobDone: (o) => firstOutcome(o),
  });
  try {
    expect(await outcome).toBe("lease_lost");
    expect(lines.some((l) => l.msg === "job failed")).toBe(false);
  } finally {
    await service.stop(100);
  }
  const video = (await fetch(`${edge.url}/v1/videos/${id}`, { headers: { authorization: `Bearer ${key.key}` } }).then(
    (r) => r.json(),
  )) as { status: string; outputs: unknown[] };
  expect(video.status).not.toBe("succeeded");
  expect(video.outputs).toEqual([]);
});
