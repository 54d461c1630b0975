import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import type { Video } from "@sketchreel/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobQueue } from "../src/durable/job-queue/index.js";
import { type FakeBucket, fakeBucket, keysUnder, secondAttempt } from "./bucket.js";
import {
  call,
  completeJob,
  createKey,
  createVideo,
  json,
  leaseJob,
  outputsFor,
  queueOf,
  RUNNER,
  type TestKey,
} from "./helpers.js";

// A video's objects are deleted by its JobQueue shard's alarm, from a row written in the same
// transaction as the change that calls for it, and retried until storage confirms the prefix clean.

afterEach(() => {
  vi.restoreAllMocks();
});

const settle = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const prefixOf = (key: TestKey, id: string) => `t/${key.tenant}/${id}/`;
const remove = (key: TestKey, id: string) => call(`/v1/videos/${id}`, { method: "DELETE", headers: key.auth });

type Row = { reason: string; keep: string; attempts: number; next_at: number };
const cleanupRows = (id: string) =>
  runInDurableObject(queueOf(id), (_: JobQueue, state) =>
    state.storage.sql
      .exec<Row>("SELECT reason, keep, attempts, next_at FROM output_cleanup WHERE video_id = ?", id)
      .toArray(),
  );

/** A video that succeeded on its first attempt, its three objects in the bucket. */
async function succeededVideo(key: TestKey, bucket: FakeBucket): Promise<Video> {
  const { body } = await createVideo(key);
  const grant = await leaseJob(body.id);
  for (const o of outputsFor(grant.job.output_prefix)) bucket.objects.add(o.key);
  expect((await completeJob(grant)).status).toBe(200);
  return body;
}

/** The `output_cleanup_failed` lines logged for a video (warnings and errors). */
function cleanupFailures(id: string) {
  const warn = vi.spyOn(console, "warn");
  const error = vi.spyOn(console, "error");
  return () =>
    [...warn.mock.calls, ...error.mock.calls]
      .map((args) => String(args[0]))
      .filter((line) => line.includes('"output_cleanup_failed"') && line.includes(id))
      .map((line) => JSON.parse(line) as Record<string, string | number>);
}

describe("output cleanup", () => {
  it("deletes a deleted video's objects within a second or so, then its row", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await succeededVideo(key, bucket);
    expect(keysUnder(bucket, prefixOf(key, video.id))).toHaveLength(3);
    expect((await remove(key, video.id)).status).toBe(204);
    await vi.waitFor(() => expect(keysUnder(bucket, prefixOf(key, video.id))).toEqual([]), {
      timeout: 2_000,
      interval: 10,
    });
    await settle(async () => expect(await cleanupRows(video.id)).toEqual([]));
  });

  it("retries while S3 refuses DELETEs (503), backing off, and removes the row only once storage confirms", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await succeededVideo(key, bucket);
    const failures = cleanupFailures(video.id);
    bucket.failDeletes(Number.POSITIVE_INFINITY);
    expect((await remove(key, video.id)).status).toBe(204);
    await settle(() => expect(failures().length).toBeGreaterThanOrEqual(2));
    // The record is gone at once; the objects are not, and the row says so.
    expect((await call(`/v1/videos/${video.id}`, { headers: key.auth })).status).toBe(404);
    expect(keysUnder(bucket, prefixOf(key, video.id))).toHaveLength(3);
    const [row] = await cleanupRows(video.id);
    expect(row).toMatchObject({ reason: "deleted", keep: "[]" });
    expect(row?.attempts).toBeGreaterThanOrEqual(2);

    bucket.failDeletes(0); // storage recovers
    await settle(() => expect(keysUnder(bucket, prefixOf(key, video.id))).toEqual([]));
    await settle(async () => expect(await cleanupRows(video.id)).toEqual([]));
    const seen = failures();
    expect(seen.map((f) => f.attempts)).toEqual(seen.map((_, i) => i + 1));
    // Backoff: the n-th failure waits 2^(n-1) s.
    for (const f of seen.slice(0, 2)) {
      const delay = Date.parse(String(f.next_attempt_at)) - Date.parse(String(f.time));
      expect(Math.abs(delay - 1000 * 2 ** (Number(f.attempts) - 1))).toBeLessThan(100);
    }
    expect(bucket.deletes.length).toBeGreaterThanOrEqual(3 * seen.length + 3);
  });

  it("writes the row in the delete's own transaction: a crash right after it still empties the prefix", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await succeededVideo(key, bucket);
    let committed: { jobs: number; rows: number } | null = null;
    const crash = runInDurableObject(queueOf(video.id), async (instance: JobQueue, state) => {
      expect(instance.deleteJob(key.tenant, video.id).ok).toBe(true);
      committed = state.storage.sql
        .exec<{ jobs: number; rows: number }>(
          "SELECT (SELECT COUNT(*) FROM jobs WHERE id = ?1) AS jobs, (SELECT COUNT(*) FROM output_cleanup WHERE video_id = ?1) AS rows",
          video.id,
        )
        .one();
      await state.storage.sync();
      state.abort("simulated crash between 'record deleted' and 'objects deleted'");
    });
    await expect(crash).rejects.toThrow();
    expect(committed).toEqual({ jobs: 0, rows: 1 });
    await settle(() => expect(keysUnder(bucket, prefixOf(key, video.id))).toEqual([]));
    await settle(async () => expect(await cleanupRows(video.id)).toEqual([]));
  });

  it("a job that runs out of attempts by lease expiry (runner_lost) keeps no object of any attempt", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const { body } = await createVideo(key);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const grant = await leaseJob(body.id);
      expect(grant.job.attempt).toBe(attempt);
      bucket.objects.add(`${grant.job.output_prefix}attempt-${attempt}/video.mp4`);
      await new Promise((resolve) => setTimeout(resolve, 500)); // no heartbeat: the 400 ms lease runs out
    }
    await settle(async () => {
      const video = (await (await call(`/v1/videos/${body.id}`, { headers: key.auth })).json()) as Video;
      expect(video).toMatchObject({ status: "failed", error: { code: "runner_lost" } });
    });
    await settle(() => expect(keysUnder(bucket, prefixOf(key, body.id))).toEqual([]));
    await settle(async () => expect(await cleanupRows(body.id)).toEqual([]));
  });

  it("a canceled queued job whose attempt 1 uploaded keeps nothing", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const { body } = await createVideo(key);
    const first = await leaseJob(body.id);
    bucket.objects.add(`${first.job.output_prefix}attempt-1/video.mp4`);
    await json(
      "POST",
      `/internal/jobs/${body.id}/fail`,
      { lease_id: first.lease.id, code: "oom", message: "out of memory", retryable: true },
      RUNNER,
    );
    const canceled = await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
    expect(((await canceled.json()) as Video).status).toBe("canceled");
    await settle(() => expect(keysUnder(bucket, prefixOf(key, body.id))).toEqual([]));
    await settle(async () => expect(await cleanupRows(body.id)).toEqual([]));
  });

  it.each(["deleted", "expired"] as const)(
    "a video %s while its completion's cleanup (keep the winner) is still pending loses every object",
    async (how) => {
      const bucket = fakeBucket();
      const key = await createKey();
      const { video, grant } = await secondAttempt(key, bucket);
      const winner = outputsFor(grant.job.output_prefix).map((o) => o.key);
      for (const k of winner) bucket.objects.add(k);
      bucket.failDeletes(Number.POSITIVE_INFINITY);
      expect((await completeJob(grant)).status).toBe(200);
      await settle(async () => expect((await cleanupRows(video.id))[0]?.attempts).toBeGreaterThanOrEqual(1));
      expect((await cleanupRows(video.id))[0]).toMatchObject({ reason: "completed", keep: JSON.stringify(winner) });

      if (how === "deleted") expect((await remove(key, video.id)).status).toBe(204);
      else {
        await runInDurableObject(queueOf(video.id), (_: JobQueue, state) => {
          state.storage.sql.exec("UPDATE jobs SET expires_ms = ? WHERE id = ?", Date.now() - 1, video.id);
        });
        await runDurableObjectAlarm(queueOf(video.id));
        expect((await call(`/v1/videos/${video.id}`, { headers: key.auth })).status).toBe(404);
      }
      // One row per video: the removal replaced the completion's, keeping nothing.
      expect(await cleanupRows(video.id)).toMatchObject([{ reason: how, keep: "[]" }]);

      bucket.failDeletes(0);
      await settle(() => expect(keysUnder(bucket, prefixOf(key, video.id))).toEqual([]));
      await settle(async () => expect(await cleanupRows(video.id)).toEqual([]));
    },
  );

  it("a shard whose storage predates the cleanup table gains it on restart and cleans as before", async () => {
    const bucket = fakeBucket();
    const key = await createKey();
    const video = await succeededVideo(key, bucket);
    const restart = runInDurableObject(queueOf(video.id), async (_: JobQueue, state) => {
      state.storage.sql.exec("DROP TABLE output_cleanup"); // as the edge before this change left it
      await state.storage.sync();
      state.abort("restart onto the current code");
    });
    await expect(restart).rejects.toThrow();
    expect((await remove(key, video.id)).status).toBe(204);
    await settle(() => expect(keysUnder(bucket, prefixOf(key, video.id))).toEqual([]));
    await settle(async () => expect(await cleanupRows(video.id)).toEqual([]));
  });
});
