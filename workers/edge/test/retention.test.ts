import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Usage } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "@sketchreel/prompts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createJob } from "../src/durable/job-queue/create-job.js";
import type { JobQueue } from "../src/durable/job-queue/index.js";
import { JobTable } from "../src/durable/job-queue/job-table.js";
import { Ledger } from "../src/durable/job-queue/ledger.js";
import { WebhookOutbox } from "../src/durable/job-queue/webhook-outbox.js";
import { type FakeBucket, fakeBucket, keysUnder } from "./bucket.js";
import {
  call,
  completeJob,
  createKey,
  createVideo,
  leaseJob,
  outputsFor,
  PROMPT,
  queueOf,
  type TestKey,
} from "./helpers.js";
import { interceptReceiver } from "./receiver.js";

const DAY_MS = 86_400_000;
const RECEIVER = "https://hooks.example.com/retention";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A succeeded fixed-seed video with its three objects in the bucket. */
async function finishedVideo(key: TestKey, bucket: FakeBucket, extra: Record<string, unknown> = {}) {
  const { body } = await createVideo(key, { seed: 61, ...extra });
  const grant = await leaseJob(body.id);
  for (const o of outputsFor(grant.job.output_prefix)) bucket.objects.add(o.key);
  expect((await completeJob(grant)).status).toBe(200);
  return body;
}

const cleanupRows = (id: string) =>
  runInDurableObject(queueOf(id), (_: JobQueue, state) =>
    state.storage.sql
      .exec<{ reason: string; keep: string; attempts: number; next_at: number }>(
        "SELECT reason, keep, attempts, next_at FROM output_cleanup WHERE video_id = ?",
        id,
      )
      .toArray(),
  );

const expiresOf = (id: string) =>
  runInDurableObject(queueOf(id), (_: JobQueue, state) =>
    state.storage.sql.exec<{ expires_ms: number | null }>("SELECT expires_ms FROM jobs WHERE id = ?", id).toArray(),
  );

/** Age the video past its retention, then let its shard's alarm run. */
async function expire(id: string) {
  await runInDurableObject(queueOf(id), (_: JobQueue, state) => {
    state.storage.sql.exec("UPDATE jobs SET expires_ms = ? WHERE id = ?", Date.now() - 1, id);
  });
  await runDurableObjectAlarm(queueOf(id));
}

describe("retention", () => {
  it("keeps a video for its tier's retention_days (30 by default) and says so in /v1/usage", async () => {
    const key = await createKey();
    const bucket = fakeBucket();
    const video = await finishedVideo(key, bucket);
    const [row] = await expiresOf(video.id);
    expect(row?.expires_ms).toBe(Date.parse(video.created_at) + 30 * DAY_MS);
    const usage = (await (await call("/v1/usage", { headers: key.auth })).json()) as Usage;
    expect(usage.limits.retention_days).toBe(30);
  });

  it("deletes an expired video's record, delivery log and cache entry, and its objects in the same alarm", async () => {
    interceptReceiver(RECEIVER);
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await finishedVideo(key, bucket, { webhook_url: RECEIVER, metadata: { keep: "no" } });
    const dispatcher = env.WEBHOOKS.get(env.WEBHOOKS.idFromName(video.id));
    await vi.waitFor(async () => expect(await dispatcher.deliveries(key.tenant)).toHaveLength(1), { timeout: 5_000 });
    const hits = () => env.RESULTS.list({ prefix: `hit:${key.tenant}:` }).then((l) => l.keys.length);
    await vi.waitFor(async () => expect(await hits()).toBe(1), { timeout: 5_000 });

    await expire(video.id);
    expect(keysUnder(bucket, `t/${key.tenant}/${video.id}/`)).toEqual([]);
    expect((await call(`/v1/videos/${video.id}`, { headers: key.auth })).status).toBe(404);
    expect(await hits()).toBe(0);
    await vi.waitFor(async () => expect(await dispatcher.deliveries(key.tenant)).toEqual([]), { timeout: 5_000 });
    // The same request is new work again (no cache entry survives the video).
    const again = await createVideo(key, { seed: 61 });
    expect(again.res.status).toBe(202);
    await call(`/v1/videos/${again.body.id}/cancel`, { method: "POST", headers: key.auth });
  });

  it("removes the record on time while storage refuses deletes; its cleanup row deletes the objects later", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await finishedVideo(key, bucket, { seed: 62 });
    const prefix = `t/${key.tenant}/${video.id}/`;
    bucket.failDeletes(Number.POSITIVE_INFINITY, 403);
    const before = Date.now();
    await expire(video.id);
    expect((await call(`/v1/videos/${video.id}`, { headers: key.auth })).status).toBe(404);
    expect(keysUnder(bucket, prefix)).toHaveLength(3);
    const [row] = await cleanupRows(video.id);
    expect(row).toMatchObject({ reason: "expired", keep: "[]" });
    expect(row?.attempts).toBeGreaterThanOrEqual(1);
    expect(row?.next_at).toBeGreaterThanOrEqual(before + 1000);
    bucket.failDeletes(0);
    await vi.waitFor(() => expect(keysUnder(bucket, prefix)).toEqual([]), { timeout: 10_000, interval: 20 });
    await vi.waitFor(async () => expect(await cleanupRows(video.id)).toEqual([]), { timeout: 5_000 });
  });

  it("never expires a video that is still queued or running", async () => {
    const key = await createKey();
    const { body } = await createVideo(key, { seed: 63 });
    await expire(body.id);
    expect((await call(`/v1/videos/${body.id}`, { headers: key.auth })).status).toBe(200);
    await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
  });

  it("forgets Idempotency-Keys after 24 hours in the alarm, so the table stays bounded", async () => {
    const key = await createKey();
    const { body } = await createVideo(key, { seed: 64 }, { "idempotency-key": "old-key" });
    const count = () =>
      runInDurableObject(queueOf(body.id), (_: JobQueue, state) => {
        state.storage.sql.exec("UPDATE idempotency SET created_at = created_at - ? WHERE key = 'old-key'", 2 * DAY_MS);
        return state.storage.sql
          .exec<{ n: number }>("SELECT COUNT(*) AS n FROM idempotency WHERE key = 'old-key'")
          .one().n;
      });
    expect(await count()).toBe(1);
    await runDurableObjectAlarm(queueOf(body.id));
    expect(await count()).toBe(0);
    await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
  });

  it("refuses new jobs (503) on a shard whose storage is full, while replays and hits still answer", async () => {
    const key = await createKey();
    const { body } = await createVideo(key, { seed: 65 }, { "idempotency-key": "before-full" });
    const bodyHash = await sha256Hex(canonicalJson({ prompt: PROMPT, seed: 65 }));
    const outcome = await runInDurableObject(queueOf(body.id), (_: JobQueue, state) => {
      const sql = state.storage.sql;
      const [jobs, ledger, outbox] = [new JobTable(sql), new Ledger(sql), new WebhookOutbox(sql)];
      const job = jobs.get(body.id)!;
      const full = { storageBytes: 9e9, storageLimitBytes: 9e9 };
      const limits = { maxConcurrentJobs: 100, dailyComputeUnits: 1e6, retentionDays: 30 };
      const fresh = {
        ...job,
        id: `${job.id.slice(0, -1)}X`,
        share_id: `${job.share_id.slice(0, -1)}X`,
        seed_fixed: false,
      };
      const replay = { key: "before-full", bodyHash };
      return {
        created: createJob(
          jobs,
          ledger,
          outbox,
          { job: fresh, seedFixed: false, idempotency: null, limits },
          Date.now(),
          full,
        ),
        replayed: createJob(
          jobs,
          ledger,
          outbox,
          { job: fresh, seedFixed: false, idempotency: replay, limits },
          Date.now(),
          full,
        ),
      };
    });
    expect(outcome.created).toMatchObject({ ok: false, status: 503, code: "unavailable", retryAfter: 3600 });
    expect(outcome.replayed).toMatchObject({ ok: true, kind: "replayed", job: { id: body.id } });
    await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
  });
});
