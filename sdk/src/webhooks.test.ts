import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { WebhookVerificationError } from "./errors.js";
import { verifyWebhook } from "./webhooks.js";

// Signatures come from the reference implementation (the `standardwebhooks` package, which the edge signs with).
const SECRET = `whsec_${btoa("a 32-byte secret for the tests!!")}`;
const BODY = JSON.stringify({
  id: "evt_1",
  type: "video.succeeded",
  created_at: "2026-11-25T12:00:00Z",
  data: { id: "vid_x" },
});
const SENT_AT = new Date("2026-11-25T12:00:00Z");

function signedHeaders(body = BODY, secret = SECRET, at = SENT_AT) {
  return {
    "webhook-id": "msg_1",
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign("msg_1", at, body),
  };
}

describe("verifyWebhook", () => {
  it("accepts a reference-signed payload and returns the event", async () => {
    const event = await verifyWebhook(BODY, signedHeaders(), SECRET, { now: SENT_AT });
    expect(event.type).toBe("video.succeeded");
    expect(event.data.id).toBe("vid_x");
  });

  it("accepts Headers objects, byte payloads and a rotated secret among several signatures", async () => {
    const other = `whsec_${btoa("the old secret, still configured")}`;
    const headers = new Headers(signedHeaders());
    headers.set(
      "webhook-signature",
      `${signedHeaders(BODY, other)["webhook-signature"]} ${headers.get("webhook-signature")}`,
    );
    const event = await verifyWebhook(new TextEncoder().encode(BODY), headers, SECRET, { now: SENT_AT });
    expect(event.id).toBe("evt_1");
  });

  it("rejects an altered body, a wrong secret and a missing header", async () => {
    const headers = signedHeaders();
    await expect(verifyWebhook(BODY.replace("succeeded", "failed"), headers, SECRET, { now: SENT_AT })).rejects.toThrow(
      WebhookVerificationError,
    );
    const wrong = `whsec_${btoa("not the secret the sender used!!")}`;
    await expect(verifyWebhook(BODY, headers, wrong, { now: SENT_AT })).rejects.toThrow(/no v1 signature matched/);
    const { "webhook-signature": _, ...unsigned } = headers;
    await expect(verifyWebhook(BODY, unsigned, SECRET, { now: SENT_AT })).rejects.toThrow(/missing/);
  });

  it("rejects timestamps outside the tolerance in either direction (replay protection)", async () => {
    const headers = signedHeaders();
    const later = new Date(SENT_AT.getTime() + 301_000);
    const earlier = new Date(SENT_AT.getTime() - 301_000);
    await expect(verifyWebhook(BODY, headers, SECRET, { now: later })).rejects.toThrow(/tolerance 300 s/);
    await expect(verifyWebhook(BODY, headers, SECRET, { now: earlier })).rejects.toThrow(/tolerance/);
    await expect(verifyWebhook(BODY, headers, SECRET, { now: later, toleranceSeconds: 600 })).resolves.toBeTruthy();
  });
});
