import { env } from "cloudflare:workers";
import type { VideoEvent } from "@sketchreel/contract";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_SECRET } from "./constants.js";
import { completeJob, createKey, createVideo, leaseJob } from "./helpers.js";

const RECEIVER = "https://hooks.example.com/sketchreel";

function dispatcher(videoId: string) {
  return env.WEBHOOKS.get(env.WEBHOOKS.idFromName(videoId));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("webhooks", () => {
  it("signs with Standard Webhooks, retries failures with backoff and logs every attempt", async () => {
    const received: { headers: Headers; body: string }[] = [];
    const realFetch = globalThis.fetch;
    // The receiver is a third party: intercept only its URL; answer 500, 503, then 200.
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.startsWith(RECEIVER)) return realFetch(input, init);
      received.push({ headers: request.headers, body: await request.text() });
      return new Response(null, { status: [500, 503][received.length - 1] ?? 200 });
    });
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 11, webhook_url: RECEIVER });
    const grant = await leaseJob(video.id);
    expect((await completeJob(grant)).status).toBe(200);

    await vi.waitFor(
      async () => {
        const log = await dispatcher(video.id).deliveryLog();
        expect(log[0]?.status).toBe("delivered");
      },
      { timeout: 5_000, interval: 20 },
    );
    const [entry] = await dispatcher(video.id).deliveryLog();
    expect(entry?.type).toBe("video.succeeded");
    expect(entry?.attempts.map((a) => a.status_code)).toEqual([500, 503, 200]);
    expect(received).toHaveLength(3);

    const last = received[2];
    if (!last) throw new Error("no delivery");
    const payload = new Webhook(TEST_SECRET).verify(last.body, Object.fromEntries(last.headers)) as VideoEvent;
    expect(payload).toMatchObject({ type: "video.succeeded", data: { id: video.id, status: "succeeded" } });
    expect(last.headers.get("webhook-id")).toBe(entry?.event_id);
    expect(() => new Webhook(TEST_SECRET).verify(`${last.body} `, Object.fromEntries(last.headers))).toThrow();
  });

  it("gives up after WEBHOOK_MAX_ATTEMPTS and records each failure", async () => {
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.startsWith(RECEIVER)) return realFetch(input, init);
      return new Response("nope", { status: 500 });
    });
    const key = await createKey();
    const { body: video } = await createVideo(key, { seed: 12, webhook_url: `${RECEIVER}/down` });
    const grant = await leaseJob(video.id);
    await completeJob(grant);
    await vi.waitFor(async () => expect((await dispatcher(video.id).deliveryLog())[0]?.status).toBe("failed"), {
      timeout: 5_000,
      interval: 20,
    });
    const [entry] = await dispatcher(video.id).deliveryLog();
    expect(entry?.attempts).toHaveLength(3);
    expect(entry?.attempts.every((a) => a.error === "receiver answered 500")).toBe(true);
  });

  it("sends video.canceled when a queued job is canceled", async () => {
    const realFetch = globalThis.fetch;
    const types: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.startsWith(RECEIVER)) return realFetch(input, init);
      types.push(((await request.json()) as VideoEvent).type);
      return new Response(null, { status: 204 });
    });
    const key = await createKey();
    const { body: video } = await createVideo(key, { webhook_url: RECEIVER });
    const { call } = await import("./helpers.js");
    expect((await call(`/v1/videos/${video.id}/cancel`, { method: "POST", headers: key.auth })).status).toBe(200);
    await vi.waitFor(() => expect(types).toEqual(["video.canceled"]), { timeout: 5_000, interval: 20 });
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
      const { res, body } = await createVideo(key, { webhook_url });
      expect(res.status, webhook_url).toBe(422);
      expect((body as unknown as { errors: { field: string }[] }).errors[0]?.field).toBe("webhook_url");
    }
  });
});
