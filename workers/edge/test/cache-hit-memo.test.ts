import { afterEach, describe, expect, it, vi } from "vitest";
import { parseRateLimitField } from "../src/middleware/rate-limit/headers.js";
import { call, completeJob, createKey, createVideo, leaseJob, queueOf, type TestKey } from "./helpers.js";

const REQUEST = { seed: 31, prompt: "a green cube slides from the right edge to the center" };

/** A fixed-seed video that has succeeded, and the first cache hit (answered by the JobQueue). */
async function succeededVideo(key: TestKey) {
  const { body } = await createVideo(key, REQUEST);
  await completeJob(await leaseJob(body.id));
  const first = await createVideo(key, REQUEST);
  expect(first.res.headers.get("x-cache")).toBe("HIT");
  return first;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("cache-hit memo (per isolate)", () => {
  it("serves a repeated cache hit without asking the JobQueue, still through the rate limiter", async () => {
    const key = await createKey();
    const first = await succeededVideo(key);
    // Deleted in the JobQueue alone, as a DELETE through another isolate would: only a memo knows it now.
    expect((await queueOf(first.body.id).deleteJob(key.tenant, first.body.id)).ok).toBe(true);

    const again = await createVideo(key, REQUEST);
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get("x-cache")).toBe("HIT");
    expect(again.body).toMatchObject({ id: first.body.id, status: "succeeded", cached: true });
    expect(again.body.outputs[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4568\/sketchreel\/t\//);
    const remaining = (res: Response) => parseRateLimitField(res.headers.get("ratelimit"))?.params.r ?? Number.NaN;
    expect(remaining(again.res)).toBe(remaining(first.res) - 1);

    // The JobQueue stays the source of truth: reads and Idempotency-Key requests go to it.
    expect((await call(`/v1/videos/${first.body.id}`, { headers: key.auth })).status).toBe(404);
    const keyed = await createVideo(key, REQUEST, { "idempotency-key": "memo-bypass" });
    expect(keyed.res.status).toBe(202);
    expect(keyed.body.id).not.toBe(first.body.id);
  });

  it("does not serve a video deleted through this isolate", async () => {
    const key = await createKey();
    const first = await succeededVideo(key);
    // No S3 server here: the delete's clean-up of the stored outputs is answered locally.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) =>
      new Request(input, init).method === "DELETE" ? new Response(null, { status: 204 }) : realFetch(input, init),
    );
    const del = await call(`/v1/videos/${first.body.id}`, { method: "DELETE", headers: key.auth });
    expect(del.status).toBe(204);

    const after = await createVideo(key, REQUEST);
    expect(after.res.status).toBe(202);
    expect(after.res.headers.get("x-cache")).toBe("MISS");
    expect(after.body).toMatchObject({ status: "queued", cached: false });
    expect(after.body.id).not.toBe(first.body.id);
  });

  it("keeps tenants apart: another tenant's identical request is not a hit", async () => {
    await succeededVideo(await createKey());
    const stranger = await createVideo(await createKey(), REQUEST);
    expect(stranger.res.status).toBe(202);
    expect(stranger.res.headers.get("x-cache")).toBe("MISS");
  });
});
