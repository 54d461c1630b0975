import type { WebhookSecret } from "@sketchreel/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, completeJob, createKey, createVideo, json, leaseJob, type TestKey } from "./helpers.js";
import { interceptReceiver, verifies, webhookSecret } from "./receiver.js";

const RECEIVER = "https://hooks.example.com/rotation";

afterEach(() => {
  vi.restoreAllMocks();
});

async function rotate(key: TestKey, body?: unknown): Promise<WebhookSecret> {
  const res =
    body === undefined
      ? await call("/v1/webhook-secret/rotate", { method: "POST", headers: key.auth })
      : await json("POST", "/v1/webhook-secret/rotate", body, key.auth);
  expect(res.status).toBe(200);
  return (await res.json()) as WebhookSecret;
}

/** One finished video with a webhook; resolves with the delivery the receiver got. */
async function deliveredHook(key: TestKey, received: ReturnType<typeof interceptReceiver>, seed: number) {
  const { body: video } = await createVideo(key, { seed, webhook_url: RECEIVER });
  await completeJob(await leaseJob(video.id));
  await vi.waitFor(() => expect(received.some((r) => r.body.includes(video.id))).toBe(true), {
    timeout: 5_000,
    interval: 20,
  });
  const hook = received.find((r) => r.body.includes(video.id));
  if (!hook) throw new Error("no delivery");
  return hook;
}

describe("webhook secrets", () => {
  it("gives each tenant its own stable whsec_ secret", async () => {
    const a = await createKey();
    const b = await createKey();
    const first = await webhookSecret(a.auth);
    expect(first).toMatch(/^whsec_/);
    expect(await webhookSecret(a.auth)).toBe(first);
    expect(await webhookSecret(b.auth)).not.toBe(first);
    // A second key of the same tenant sees the same secret.
    const sameTenant = await createKey({ tenant: a.tenant });
    expect(await webhookSecret(sameTenant.auth)).toBe(first);
  });

  it("needs videos:write, even to read the secret", async () => {
    const reader = await createKey({ scopes: ["videos:read"] });
    expect((await call("/v1/webhook-secret", { headers: reader.auth })).status).toBe(403);
    expect((await call("/v1/webhook-secret/rotate", { method: "POST", headers: reader.auth })).status).toBe(403);
    expect((await call("/v1/webhook-secret")).status).toBe(401);
  });

  it("signs with both secrets during the grace period after a rotation, then with the new one only", async () => {
    const received = interceptReceiver(RECEIVER);
    const key = await createKey();
    const old = await webhookSecret(key.auth);
    const rotated = await rotate(key);
    expect(rotated.secret).not.toBe(old);
    const grace = Date.parse(rotated.previous_secret_expires_at ?? "") - Date.now();
    expect(grace).toBeGreaterThan(86_300_000); // WEBHOOK_SECRET_GRACE_S default: one day
    expect(grace).toBeLessThanOrEqual(86_400_000);

    const during = await deliveredHook(key, received, 31);
    expect(during.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(verifies(during, rotated.secret)).toBe(true);
    expect(verifies(during, old)).toBe(true);

    // A leaked secret is retired at once with previous_valid_for_s: 0.
    const fresh = await rotate(key, { previous_valid_for_s: 0 });
    expect(fresh.previous_secret_expires_at).toBeNull();
    const after = await deliveredHook(key, received, 32);
    expect(after.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(verifies(after, fresh.secret)).toBe(true);
    expect(verifies(after, rotated.secret)).toBe(false);
    expect(verifies(after, old)).toBe(false);
  });

  it("validates the rotation body", async () => {
    const key = await createKey();
    for (const body of [{ previous_valid_for_s: -1 }, { previous_valid_for_s: 1.5 }, { grace: 1 }]) {
      const res = await json("POST", "/v1/webhook-secret/rotate", body, key.auth);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});
