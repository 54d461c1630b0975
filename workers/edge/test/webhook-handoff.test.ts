import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Video, VideoEvent, WebhookDelivery } from "@sketchreel/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobQueue } from "../src/durable/job-queue/index.js";
import type { StoredOutput } from "../src/jobs/job-record.js";
import { call, completeJob, createKey, createVideo, leaseJob, outputsFor, queueOf, type TestKey } from "./helpers.js";
import { interceptReceiver } from "./receiver.js";

const RECEIVER = "https://hooks.example.com/handoff";

afterEach(() => {
  vi.restoreAllMocks();
});

const events = (received: ReturnType<typeof interceptReceiver>, videoId: string) =>
  received
    .filter((r) => r.body.includes(videoId))
    .map((r) => ({ url: r.url, event: JSON.parse(r.body) as VideoEvent }));

async function deliveries(key: TestKey, videoId: string) {
  const res = await call(`/v1/videos/${videoId}/webhook-deliveries`, { headers: key.auth });
  return { status: res.status, data: res.ok ? ((await res.json()) as { data: WebhookDelivery[] }).data : [] };
}

const waitFor = (check: () => void | Promise<void>) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

describe("each caller keeps its own webhook", () => {
  it("on a cache hit: the response and a video.succeeded webhook carry the caller's url and metadata", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const first = await createVideo(key, { seed: 41, webhook_url: `${RECEIVER}/a`, metadata: { who: "a" } });
    await completeJob(await leaseJob(first.body.id));

    const hit = await createVideo(key, { seed: 41, webhook_url: `${RECEIVER}/b`, metadata: { who: "b" } });
    expect(hit.res.status).toBe(200);
    expect(hit.body).toMatchObject({
      id: first.body.id,
      cached: true,
      webhook_url: `${RECEIVER}/b`,
      metadata: { who: "b" },
    });
    const plain = await createVideo(key, { seed: 41, metadata: { who: "c" } });
    expect(plain.body).toMatchObject({ cached: true, webhook_url: null, metadata: { who: "c" } });

    await waitFor(() => expect(events(received, first.body.id)).toHaveLength(2));
    const byUrl = Object.fromEntries(events(received, first.body.id).map((e) => [e.url, e.event]));
    expect(byUrl[`${RECEIVER}/a`]?.data).toMatchObject({ metadata: { who: "a" }, cached: false });
    expect(byUrl[`${RECEIVER}/b`]?.data).toMatchObject({
      metadata: { who: "b" },
      webhook_url: `${RECEIVER}/b`,
      cached: true,
      status: "succeeded",
    });
    // The video itself still shows the request that created it.
    const stored = (await (await call(`/v1/videos/${first.body.id}`, { headers: key.auth })).json()) as Video;
    expect(stored).toMatchObject({ webhook_url: `${RECEIVER}/a`, metadata: { who: "a" } });
  });

  it("on an attached twin: every subscriber gets the terminal event with its own values", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const a = await createVideo(key, { seed: 42, webhook_url: `${RECEIVER}/a`, metadata: { who: "a" } });
    const b = await createVideo(key, { seed: 42, webhook_url: `${RECEIVER}/b`, metadata: { who: "b" } });
    expect(b.res.status).toBe(202);
    expect(b.body).toMatchObject({ id: a.body.id, webhook_url: `${RECEIVER}/b`, metadata: { who: "b" } });
    await completeJob(await leaseJob(a.body.id));

    await waitFor(() => expect(events(received, a.body.id)).toHaveLength(2));
    const seen = events(received, a.body.id).map((e) => [e.url, e.event.type, e.event.data.metadata.who]);
    expect(seen.sort()).toEqual([
      [`${RECEIVER}/a`, "video.succeeded", "a"],
      [`${RECEIVER}/b`, "video.succeeded", "b"],
    ]);
    const log = await deliveries(key, a.body.id);
    expect(log.data.map((d) => d.url).sort()).toEqual([`${RECEIVER}/a`, `${RECEIVER}/b`]);
  });
});

describe("durable handoff to the dispatcher", () => {
  it("delivers a terminal event even when the JobQueue crashes right after committing it", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 51, webhook_url: RECEIVER });
    const grant = await leaseJob(video.id);
    let committed = -1;
    const crash = runInDurableObject(queueOf(video.id), async (instance: JobQueue, state) => {
      const done = instance.complete(video.id, grant.lease.id, {
        outputs: outputsFor(grant.job.output_prefix) as StoredOutput[],
        timings_ms: {},
      });
      expect(done.ok).toBe(true);
      committed = state.storage.sql
        .exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_outbox WHERE video_id = ?", video.id)
        .one().n;
      // The transaction is on disk (a crash before this point loses the completion as well: the
      // runner's `complete` fails and is retried under the same lease). Then the object dies.
      await state.storage.sync();
      state.abort("simulated crash between 'job succeeded' and 'dispatcher accepted'");
    });
    await expect(crash).rejects.toThrow();
    expect(committed).toBe(1);

    await waitFor(() => expect(events(received, video.id).map((e) => e.event.type)).toEqual(["video.succeeded"]));
    const after = (await (await call(`/v1/videos/${video.id}`, { headers: key.auth })).json()) as Video;
    expect(after.status).toBe("succeeded");
    await waitFor(async () => expect(await queueOf(video.id).pendingHandoffs()).toBe(0));
  });

  it("drains an outbox row from the alarm alone, and a failing row neither blocks others nor is dropped", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 52 });
    await completeJob(await leaseJob(video.id));
    // As if the JobQueue had committed these rows and crashed: only their alarm is left to drain them.
    await runInDurableObject(queueOf(video.id), async (instance: JobQueue, state) => {
      const job = instance.getJob(key.tenant, video.id);
      const good = {
        kind: "event",
        id: "evt_HandedOverByTheAlarmOnly00",
        videoId: video.id,
        tenantId: key.tenant,
        type: "video.succeeded",
        job: { ...job, webhook_url: RECEIVER, metadata: { via: "alarm" } },
        cached: false,
        createdAt: Date.now(),
      };
      const poison = { ...good, id: "evt_PoisonRowThatNeverRenders0", job: { id: video.id } };
      for (const doc of [poison, good]) {
        state.storage.sql.exec(
          "INSERT INTO webhook_outbox (id, video_id, doc, attempts, next_at) VALUES (?, ?, ?, 0, ?)",
          doc.id,
          video.id,
          JSON.stringify(doc),
          0,
        );
      }
      await state.storage.setAlarm(Date.now());
    });
    await waitFor(() => expect(events(received, video.id).map((e) => e.event.data.metadata.via)).toEqual(["alarm"]));
    const rows = await runInDurableObject(queueOf(video.id), (_: JobQueue, state) =>
      state.storage.sql
        .exec<{ id: string; attempts: number; next_at: number }>(
          "SELECT id, attempts, next_at FROM webhook_outbox WHERE video_id = ?",
          video.id,
        )
        .toArray(),
    );
    expect(rows.map((r) => [r.id, r.attempts])).toEqual([["evt_PoisonRowThatNeverRenders0", 1]]);
    expect(rows[0]?.next_at).toBeGreaterThan(Date.now()); // retried later, not dropped
    await runInDurableObject(queueOf(video.id), (_: JobQueue, state) => {
      state.storage.sql.exec("DELETE FROM webhook_outbox WHERE id = ?", "evt_PoisonRowThatNeverRenders0");
    });
  });

  it("erases a deleted video's delivery log (bodies, URLs, attempts) from the dispatcher", async () => {
    interceptReceiver(RECEIVER);
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 53, webhook_url: RECEIVER, metadata: { secret: "x" } });
    await completeJob(await leaseJob(video.id));
    await waitFor(async () => expect((await deliveries(key, video.id)).data[0]?.status).toBe("delivered"));

    expect((await call(`/v1/videos/${video.id}`, { method: "DELETE", headers: key.auth })).status).toBe(204);
    expect((await deliveries(key, video.id)).status).toBe(404);
    const dispatcher = env.WEBHOOKS.get(env.WEBHOOKS.idFromName(video.id));
    await waitFor(async () => expect(await dispatcher.deliveries(key.tenant)).toEqual([]));
    const rows = await runInDurableObject(
      dispatcher,
      (_, state) =>
        state.storage.sql
          .exec<{ n: number }>("SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM attempts) AS n")
          .one().n,
    );
    expect(rows).toBe(0);
  });
});

describe("leases", () => {
  it("grants nothing to a poll whose caller has already given up, so no attempt is spent", async () => {
    const key = await createKey();
    const { body: video } = await createVideo(key, {});
    expect(await queueOf(video.id).lease(["shape-world-tiny"], "late-runner", 0, Date.now() - 1)).toBeNull();
    const grant = await leaseJob(video.id);
    expect(grant.job.attempt).toBe(1);
    await completeJob(grant);
  });
});
