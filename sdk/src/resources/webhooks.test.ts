import { describe, expect, it } from "vitest";
import { json, scriptedFetch } from "../../test/scripted-fetch.js";
import { Sketchreel } from "../index.js";

const BASE = "http://api.test";
const SECRET = {
  object: "webhook_secret",
  secret: "whsec_c2VjcmV0",
  created_at: "2026-11-30T00:00:00.000Z",
  previous_secret_expires_at: null,
};
const DELIVERY = {
  id: "evt_AAAAAAAAAAAAAAAAAAAAAAAA",
  object: "webhook_delivery",
  video_id: "vid_AAAAAAAAAAAAAAAAAAAAAAAA",
  type: "video.succeeded",
  url: "https://hooks.example.com/x",
  status: "failed",
  attempts: [
    {
      attempt: 1,
      trigger: "automatic",
      at: "2026-11-30T00:00:00.000Z",
      status_code: 500,
      error: "receiver answered 500",
      duration_ms: 12,
    },
  ],
  next_attempt_at: null,
  created_at: "2026-11-30T00:00:00.000Z",
};

describe("client.webhooks", () => {
  it("reads and rotates the secret, lists deliveries and redelivers one", async () => {
    const { fetch, requests } = scriptedFetch([
      () => json(SECRET),
      () => json({ ...SECRET, previous_secret_expires_at: "2026-12-01T00:00:00.000Z" }),
      () => json({ object: "list", data: [DELIVERY] }),
      () => json({ ...DELIVERY, status: "pending" }, 202),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    expect((await client.webhooks.secret()).secret).toBe(SECRET.secret);
    expect(
      (await client.webhooks.rotateSecret({ previous_valid_for_s: 3600 })).previous_secret_expires_at,
    ).toBeTruthy();
    expect((await client.webhooks.deliveries(DELIVERY.video_id)).data).toEqual([DELIVERY]);
    expect((await client.webhooks.redeliver(DELIVERY.video_id, DELIVERY.id)).status).toBe("pending");
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE}/v1/webhook-secret`,
      `POST ${BASE}/v1/webhook-secret/rotate`,
      `GET ${BASE}/v1/videos/${DELIVERY.video_id}/webhook-deliveries`,
      `POST ${BASE}/v1/videos/${DELIVERY.video_id}/webhook-deliveries/${DELIVERY.id}/redeliver`,
    ]);
    expect(JSON.parse(requests[1]?.body ?? "")).toEqual({ previous_valid_for_s: 3600 });
  });

  it("never retries a rotation (a retry would retire the secret the first one returned)", async () => {
    const { fetch, requests } = scriptedFetch([() => new Response(null, { status: 503 }), () => json(SECRET)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch, maxRetries: 3 });
    await expect(client.webhooks.rotateSecret()).rejects.toThrow();
    expect(requests).toHaveLength(1);
  });
});
