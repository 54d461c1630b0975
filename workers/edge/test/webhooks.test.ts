import type { VideoEvent, WebhookDelivery } from "@sketchreel/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, completeJob, createKey, createVideo, json, leaseJob, type TestKey } from "./helpers.js";
import { interceptReceiver, verifies, webhookSecret } from "./receiver.js";

const RECEIVER = "https://hooks.example.com/sketchreel";

afterEach(() => {
  vi.restoreAllMocks();
});

async function deliveries(key: TestKey, videoId: string): Promise<WebhookDelivery[]> {
  const res = await call(`/v1/videos/${videoId}/webhook-deliveries`, { headers: key.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: WebhookDelivery[] }).data;
}

async function settled(key: TestKey, videoId: string, status: WebhookDelivery["status"]) {
  await vi.waitFor(async () => expect((await deliveries(key, videoId))[0]?.status).toBe(status), {
    timeout: 5_000,
    interval: 20,
  });
  return (await deliveries(key, videoId))[0] as WebhookDelivery;
}

describe("webhooks", () => {
  it("signs with the tenant's own secret, retries on the schedule and logs every attempt", async () => {
    const received = interceptReceiver(RECEIVER, (n) => [500, 503][n - 1] ?? 200);
    const key = await createKey();
    const other = await createKey();
    const { body: video } = await createVideo(key, { seed: 11, webhook_url: RECEIVER });
    expect((await completeJob(await leaseJob(video.id))).status).toBe(200);

    const delivery = await settled(key, video.id, "delivered");
    expect(delivery).toMatchObject({ object: "webhook_delivery", video_id: video.id, type: "video.succeeded" });
    expect(delivery.url).toBe(RECEIVER);
    expect(delivery.next_attempt_at).toBeNull();
    expect(delivery.attempts.map((a) => [a.attempt, a.trigger, a.status_code])).toEqual([
      [1, "automatic", 500],
      [2, "automatic", 503],
      [3, "automatic", 200],
    ]);
    // WEBHOOK_RETRY_SCHEDULE is "0ms,40ms,80ms" in the tests: each retry waits at least its delay.
    const times = delivery.attempts.map((a) => Date.parse(a.at));
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(40);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(80);
    expect(received).toHaveLength(3);

    const last = received[2];
    if (!last) throw new Error("no delivery");
    expect(last.headers["webhook-id"]).toBe(delivery.id);
    expect(new Set(received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
    const secret = await webhookSecret(key.auth);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(verifies(last, secret)).toBe(true);
    expect(JSON.parse(last.body) as VideoEvent).toMatchObject({ type: "video.succeeded", data: { id: video.id } });
    // Another tenant's secret does not verify it: a tenant cannot forge another's webhooks.
    expect(verifies(last, await webhookSecret(other.auth))).toBe(false);
    expect(verifies({ ...last, body: `${last.body} ` }, secret)).toBe(false);
  });

  it("gives up when the schedule is spent, then redelivers on request with the same webhook-id", async () => {
    let up = false;
    const received = interceptReceiver(RECEIVER, () => (up ? 200 : 500));
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 12, webhook_url: `${RECEIVER}/down` });
    await completeJob(await leaseJob(video.id));
    const failed = await settled(key, video.id, "failed");
    expect(failed.attempts).toHaveLength(3);
    expect(failed.attempts.every((a) => a.error === "receiver answered 500")).toBe(true);
    expect(failed.next_attempt_at).toBeNull();

    up = true;
    const res = await call(`/v1/videos/${video.id}/webhook-deliveries/${failed.id}/redeliver`, {
      method: "POST",
      headers: key.auth,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: failed.id, status: "pending" });
    const delivered = await settled(key, video.id, "delivered");
    expect(delivered.attempts.map((a) => [a.trigger, a.status_code])).toEqual([
      ["automatic", 500],
      ["automatic", 500],
      ["automatic", 500],
      ["manual", 200],
    ]);
    expect(received.at(-1)?.headers["webhook-id"]).toBe(failed.id);
  });

  it("keeps the delivery log to its tenant and answers unknown deliveries with 404", async () => {
    interceptReceiver(RECEIVER);
    const key = await createKey();
    const other = await createKey();
    const { body: video } = await createVideo(key, { webhook_url: RECEIVER });
    expect((await call(`/v1/videos/${video.id}/webhook-deliveries`, { headers: other.auth })).status).toBe(404);
    expect(await deliveries(key, video.id)).toEqual([]); // nothing to deliver before the job ends
    const unknown = `/v1/videos/${video.id}/webhook-deliveries/evt_AAAAAAAAAAAAAAAAAAAAAAAA/redeliver`;
    expect((await call(unknown, { method: "POST", headers: key.auth })).status).toBe(404);
    expect((await call(unknown, { method: "POST", headers: other.auth })).status).toBe(404);
    const malformed = `/v1/videos/${video.id}/webhook-deliveries/nope/redeliver`;
    expect((await call(malformed, { method: "POST", headers: key.auth })).status).toBe(422);
  });

  it("sends video.canceled when a queued job is canceled", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const { body: video } = await createVideo(key, { webhook_url: RECEIVER });
    expect((await call(`/v1/videos/${video.id}/cancel`, { method: "POST", headers: key.auth })).status).toBe(200);
    await vi.waitFor(
      () => expect(received.map((r) => (JSON.parse(r.body) as VideoEvent).type)).toEqual(["video.canceled"]),
      {
        timeout: 5_000,
        interval: 20,
      },
    );
  });

  it("refuses webhook URLs that point inside (SSRF) or are not https", async () => {
    const key = await createKey();
    const targets = [
      "http://hooks.example.com/x",
      "https://127.0.0.1/x",
      "https://localhost:8080/x",
      "https://10.1.2.3/x",
      "https://192.168.0.10/x",
      "https://169.254.169.254/latest/meta-data",
      "https://metadata.google.internal/computeMetadata",
      "https://[::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://[fd00:ec2::254]/x",
      "https://2130706433/x",
      "https://user:pw@hooks.example.com/x",
    ];
    for (const webhook_url of targets) {
      const res = await json("POST", "/v1/videos", { prompt: "a red ball falls", webhook_url }, key.auth);
      expect(res.status, webhook_url).toBe(422);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("webhook_url");
    }
  });
});
