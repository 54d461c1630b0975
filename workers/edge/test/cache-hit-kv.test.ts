import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, completeJob, createKey, createVideo, leaseJob, queueOf, type TestKey } from "./helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** The tenant's entries in the RESULTS namespace (one per succeeded fixed-seed result). */
const results = (key: TestKey) => env.RESULTS.list({ prefix: `hit:${key.tenant}:` }).then((l) => l.keys.length);

async function succeeded(key: TestKey, body: Record<string, unknown>) {
  const { body: video } = await createVideo(key, body);
  await completeJob(await leaseJob(video.id));
  return video;
}

describe("cache hits from KV (no Durable Object on a repeat from any isolate)", () => {
  it("publishes a fixed-seed result on completion and serves a repeat from it without the JobQueue", async () => {
    const key = await createKey();
    const request = { seed: 71, prompt: "a purple ball drifts from the left to the right" };
    const video = await succeeded(key, request);
    await vi.waitFor(async () => expect(await results(key)).toBe(1), { timeout: 5_000 });
    // Gone from its shard, as after a DELETE through an isolate in another data centre: only KV knows it.
    expect((await queueOf(video.id).deleteJob(key.tenant, video.id)).ok).toBe(true);
    const again = await createVideo(key, request);
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get("x-cache")).toBe("HIT");
    expect(again.body).toMatchObject({ id: video.id, status: "succeeded", cached: true });
    expect(again.body.outputs[0]?.url).toMatch(/X-Amz-Signature=/);
  });

  it("forgets the result in KV when the video is deleted, so the next request is new work", async () => {
    const key = await createKey();
    const request = { seed: 72, prompt: "a white square falls from the top to the bottom" };
    const video = await succeeded(key, request);
    await vi.waitFor(async () => expect(await results(key)).toBe(1), { timeout: 5_000 });
    const realFetch = globalThis.fetch; // no S3 here: the delete's object clean-up is answered locally
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) =>
      new Request(input, init).method === "DELETE" ? new Response(null, { status: 204 }) : realFetch(input, init),
    );
    expect((await call(`/v1/videos/${video.id}`, { method: "DELETE", headers: key.auth })).status).toBe(204);
    expect(await results(key)).toBe(0);
    const after = await createVideo(key, request);
    expect(after.res.status).toBe(202);
    expect(after.res.headers.get("x-cache")).toBe("MISS");
    await call(`/v1/videos/${after.body.id}/cancel`, { method: "POST", headers: key.auth });
  });

  it("publishes nothing for a seedless job (it can never be a hit)", async () => {
    const key = await createKey();
    await succeeded(key, { prompt: "an orange triangle rises from the bottom" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await results(key)).toBe(0);
  });
});
