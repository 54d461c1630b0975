/**
 * The runner service against the REAL edge (workers/edge in workerd via wrangler, offline), a real
 * S3-compatible server (s3rver) on loopback, and the real pipeline + onnxruntime backend on the tiny
 * random test model (packages/pipeline/test/fixtures/tiny-random, which draws the embedded model's
 * default 64×64×16, so the runner leases "shape-world-tiny" jobs with it).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  createLogger,
  createObjectStore,
  type JobOutcome,
  type ObjectStore,
  outputKey,
  type RunnerConfig,
  startRunnerService,
} from "@sketchreel/gpu-runner";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { createPipeline, type Pipeline } from "@sketchreel/pipeline";
import { OnnxBackend } from "@sketchreel/pipeline/onnx";
import { TINY_MODEL_DIR as TINY_MODEL, throttledBackend } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe as probeVideo } from "../harness/ffprobe.js";
import { type LocalEdge, startEdge } from "../support/edge.js";
import { testRunnerConfig } from "./runner-config.js";
import { type LocalS3, startLocalS3 } from "./s3-server.js";

/** JSON read back from the API and the logs; the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test-only view of parsed JSON
type Json = Record<string, any>;

/** Jobs carry the edge catalog's version of shape-world-tiny, which mirrors the embedded package. */
const EMBEDDED_VERSION = (
  JSON.parse(readFileSync(join(EMBEDDED_MODEL_DIR, "model_index.json"), "utf8")) as { model_version: string }
).model_version;
const RUNNER_BIN = createRequire(import.meta.url).resolve("@sketchreel/gpu-runner/bin/sketchreel-runner.mjs");
const PROMPT = "a red ball moves from the left to the right";

let s3: LocalS3;
let edge: LocalEdge;
let apiKey: string;
let fast: Pipeline;
let slow: Pipeline;

async function api(method: string, path: string, body?: unknown, token = apiKey) {
  const res = await fetch(`${edge.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function createVideo(body: Record<string, unknown>) {
  const res = await api("POST", "/v1/videos", { prompt: PROMPT, ...body });
  expect(res.status).toBe(202);
  return res.body.id as string;
}

/** Polls the public API until `ready` holds (bounded). */
async function waitForVideo(id: string, ready: (v: Json) => boolean, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api("GET", `/v1/videos/${id}`);
    if (ready(body)) return body;
    if (Date.now() > until) throw new Error(`video ${id} never got there: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startRunner(
  pipeline: Pipeline,
  over: Partial<RunnerConfig> = {},
  store?: ObjectStore,
  modelVersion = EMBEDDED_VERSION,
) {
  const lines: Json[] = [];
  const outcomes: JobOutcome[] = [];
  const waiters: ((o: JobOutcome) => void)[] = [];
  const config = testRunnerConfig(edge, s3, over);
  const log = createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l)) });
  const service = startRunnerService({
    config,
    pipeline,
    modelId: "shape-world-tiny",
    modelVersion,
    log,
    ...(store ? { store } : {}),
    onJobDone: (o) => {
      outcomes.push(o);
      waiters.shift()?.(o);
    },
  });
  const nextOutcome = () => new Promise<JobOutcome>((resolve) => waiters.push(resolve));
  return { service, lines, outcomes, nextOutcome };
}

beforeAll(async () => {
  s3 = await startLocalS3({ bucket: "sketchreel" });
  edge = await startEdge({ s3Endpoint: s3.config.endpoint! });
  const key = await api("POST", "/admin/v1/keys", { tenant_id: "runner-tests", tier: "pro" }, edge.adminToken);
  expect(key.status).toBe(201);
  apiKey = key.body.key;
  const quiet = () => {};
  fast = await createPipeline({ backend: OnnxBackend.create({ threads: 1, log: quiet }), modelDir: TINY_MODEL });
  slow = await createPipeline({
    backend: throttledBackend(OnnxBackend.create({ threads: 1, log: quiet }), 40),
    modelDir: TINY_MODEL,
  });
});

afterAll(async () => {
  await Promise.all([fast?.dispose(), slow?.dispose()]);
  await edge?.stop();
  await s3?.close();
});

describe("runner service ↔ edge ↔ S3", () => {
  it("leases a job, uploads every requested variant under its prefix, and completes it", async () => {
    const runner = startRunner(fast);
    const service = await runner.service;
    try {
      const done = runner.nextOutcome();
      const id = await createVideo({ num_inference_steps: 3, seed: 7, outputs: ["mp4", "webm", "gif", "poster"] });
      expect(await done).toBe("succeeded");

      const video = await waitForVideo(id, (v) => v.status === "succeeded");
      expect(video.params.seed).toBe(7);
      const byVariant = Object.fromEntries((video.outputs as Json[]).map((o) => [o.variant, o]));
      expect(Object.keys(byVariant).sort()).toEqual(["gif", "mp4", "poster", "webm"]);
      expect(byVariant.mp4).toMatchObject({ content_type: "video/mp4", width: 256, height: 256 });

      // The MP4 in the bucket is the one reported: same bytes, same SHA-256, 16 H.264 frames.
      const job = runner.lines.find((l) => l.msg === "job started")!;
      expect(job.job_id).toBe(id);
      const client = new S3Client({ ...s3.config, endpoint: s3.config.endpoint!, credentials: s3.config.credentials! });
      expect(runner.lines.filter((l) => l.msg === "job finished")).toHaveLength(1);
      const mp4Key = outputKey(job.output_prefix, job.attempt, "mp4");
      expect(mp4Key).toContain(id);
      const obj = await client.send(new GetObjectCommand({ Bucket: "sketchreel", Key: mp4Key }));
      const bytes = Buffer.from(await obj.Body!.transformToByteArray());
      client.destroy();
      expect(obj.ContentType).toBe("video/mp4");
      expect(bytes.length).toBe(byVariant.mp4.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(byVariant.mp4.sha256);
      const path = join(tmpdir(), `${id}.mp4`);
      await writeFile(path, bytes);
      const probe = await probeVideo(path);
      expect(probe).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", width: 256, height: 256 });
      expect(probe.frames).toBe(16);

      // Health and metrics reflect the finished job.
      const health = await fetch(`http://127.0.0.1:${service.healthPort}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, state: "idle", jobs_done: 1 });
      const metrics = await (await fetch(`http://127.0.0.1:${service.healthPort}/metrics`)).text();
      expect(metrics).toMatch(/sketchreel_runner_jobs_total\{[^}]*outcome="succeeded"[^}]*\} 1/);
      expect(metrics).toMatch(/sketchreel_runner_stage_duration_seconds_count\{[^}]*stage="denoise"[^}]*\} 1/);
      expect(metrics).toMatch(/sketchreel_runner_denoise_steps_per_second\{[^}]*\} [0-9.e+]+/);
    } finally {
      await service.stop();
    }
  });
});

describe("failures, cancellation and shutdown", () => {
  it("an upload that keeps failing fails the job as retryable; the job is not lost", async () => {
    const unreachable = createObjectStore(
      { ...s3.config, endpoint: "http://127.0.0.1:9" },
      { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 } },
    );
    const broken = startRunner(fast, { runnerId: "runner-no-s3" }, unreachable);
    const a = await broken.service;
    const id = await createVideo({ num_inference_steps: 2, outputs: ["poster"] });
    expect(await broken.nextOutcome()).toBe("failed");
    await a.stop(100);
    unreachable.close();
    expect(broken.lines.find((l) => l.msg === "job failed")).toMatchObject({ code: "upload_failed", retryable: true });

    const healthy = startRunner(fast, { runnerId: "runner-with-s3" });
    const b = await healthy.service;
    try {
      const video = await waitForVideo(id, (v) => v.status === "succeeded");
      expect(video.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await b.stop();
    }
  });

  it("a runner with another model version refuses the job as retryable", async () => {
    const stale = startRunner(fast, { runnerId: "runner-stale" }, undefined, "0.9.0");
    const a = await stale.service;
    const id = await createVideo({ num_inference_steps: 2, outputs: ["poster"] });
    expect(await stale.nextOutcome()).toBe("failed");
    await a.stop(100);
    expect(stale.lines.find((l) => l.msg === "job failed")).toMatchObject({
      code: "model_version_mismatch",
      retryable: true,
    });
    const current = startRunner(fast, { runnerId: "runner-current" });
    const b = await current.service;
    try {
      expect((await waitForVideo(id, (v) => v.status === "succeeded")).status).toBe("succeeded");
    } finally {
      await b.stop();
    }
  });

  it("a cancel reaches the runner by heartbeat and stops denoising within one step", async () => {
    const runner = startRunner(slow);
    const service = await runner.service;
    try {
      const done = runner.nextOutcome();
      const id = await createVideo({ num_inference_steps: 40, outputs: ["mp4"] });
      await waitForVideo(id, (v) => v.progress?.stage === "denoise" && v.progress.step >= 2);
      expect((await api("POST", `/v1/videos/${id}/cancel`)).status).toBe(200);
      expect(await done).toBe("canceled");
      expect((await waitForVideo(id, (v) => v.status !== "running")).status).toBe("canceled");

      const seen = runner.lines.find((l) => l.msg.startsWith("cancel requested"))!.progress;
      const failed = runner.lines.find((l) => l.msg === "job failed")!;
      expect(failed).toMatchObject({ code: "canceled", retryable: false, error: { name: "AbortError" } });
      const abortedAt = Number(/at step (\d+)/.exec(failed.error.message)![1]);
      expect(seen.stage).toBe("denoise");
      expect(abortedAt).toBeLessThan(40);
      expect(abortedAt - seen.step).toBeLessThanOrEqual(1);
    } finally {
      await service.stop();
    }
  });

  it("stop() lets a running job finish within the grace period", async () => {
    const runner = startRunner(slow);
    const service = await runner.service;
    const id = await createVideo({ num_inference_steps: 8, outputs: ["poster"] });
    await waitForVideo(id, (v) => v.progress?.stage === "denoise");
    await service.stop(20_000);
    expect(runner.outcomes).toEqual(["succeeded"]);
    expect((await api("GET", `/v1/videos/${id}`)).body.status).toBe("succeeded");
  });

  it("past the grace period the job is handed back without using an attempt, and another runner completes it", async () => {
    const first = startRunner(slow, { runnerId: "runner-a" });
    const a = await first.service;
    const id = await createVideo({ num_inference_steps: 40, outputs: ["gif"] });
    await waitForVideo(id, (v) => v.progress?.stage === "denoise" && v.progress.step >= 1);
    await a.stop(100);
    expect(first.outcomes).toEqual(["released"]);
    expect(first.lines.find((l) => l.msg === "job released")).toMatchObject({
      code: "runner_shutdown",
      retryable: true,
      released: true,
    });
    expect((await api("GET", `/v1/videos/${id}`)).body).toMatchObject({ status: "queued", attempts: 0 });

    const second = startRunner(fast, { runnerId: "runner-b" });
    const b = await second.service;
    try {
      expect(await second.nextOutcome()).toBe("succeeded");
      const video = await waitForVideo(id, (v) => v.status === "succeeded");
      expect(video.attempts).toBe(1);
      expect(video.outputs.map((o: { variant: string }) => o.variant)).toEqual(["gif"]);
    } finally {
      await b.stop();
    }
  });
});

describe("sketchreel runner (the process)", () => {
  const runnerEnv = () => ({
    PATH: process.env.PATH,
    EDGE_URL: edge.url,
    RUNNER_TOKEN: edge.runnerToken,
    RUNNER_ID: "runner-process",
    MODEL_DIR: TINY_MODEL,
    THREADS: "1",
    S3_ENDPOINT: s3.config.endpoint,
    S3_BUCKET: "sketchreel",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    PORT: "0",
    LEASE_WAIT_MS: "300",
  });

  it("starts from environment variables, serves /healthz and /metrics, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [RUNNER_BIN], {
      env: runnerEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: Json[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const started = new Promise<Json>((resolve, reject) => {
      createInterface({ input: child.stderr }).on("line", (line) => {
        try {
          const entry = JSON.parse(line) as Json;
          lines.push(entry);
          if (entry.msg === "runner started") resolve(entry);
        } catch {
          // not a log line (e.g. a Node warning)
        }
      });
      void exited.then((code) => reject(new Error(`runner exited early with ${code}: ${JSON.stringify(lines)}`)));
    });
    const ready = await started;
    expect(ready).toMatchObject({ runner_id: "runner-process", model: "tiny-random" });
    const health = await fetch(`http://127.0.0.1:${ready.health_port}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, state: "idle", runner_id: "runner-process" });
    const metrics = await (await fetch(`http://127.0.0.1:${ready.health_port}/metrics`)).text();
    expect(metrics).toContain("sketchreel_runner_lease_polls_total");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.msg)).toContain("runner stopped");
  });

  it("a SIGTERM while the model is still loading or the service starting stops it cleanly (exit 0)", async () => {
    const child = spawn(process.execPath, [RUNNER_BIN], {
      env: runnerEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const messages: unknown[] = [];
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    createInterface({ input: child.stderr }).on("line", (line) => {
      try {
        const entry = JSON.parse(line) as Json;
        messages.push(entry.msg);
        // "model loaded" comes right before the service starts: signal inside that window.
        if (entry.msg === "model loaded") child.kill("SIGTERM");
      } catch {
        // not a log line
      }
    });
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(messages).toContain("signal received");
  });
});
