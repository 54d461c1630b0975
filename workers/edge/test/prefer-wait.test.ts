import type { Video } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { completeJob, createKey, createVideo, drainQueue, json, lease, leaseJob, RUNNER } from "./helpers.js";

/** POST /v1/videos with `Prefer`, not awaited: the test plays the runner meanwhile. */
function createWaiting(key: Awaited<ReturnType<typeof createKey>>, prefer: string, body: Record<string, unknown> = {}) {
  const started = Date.now();
  return createVideo(key, body, { prefer }).then((result) => ({ ...result, ms: Date.now() - started }));
}

/** Lease the next job (the queue was drained, so it is the waiting request's) within `waitMs`. */
async function leaseNext(waitMs = 5_000) {
  const grant = await lease(waitMs);
  if (!grant) throw new Error("no job came up for lease");
  return grant;
}

describe("Prefer: wait=N on POST /v1/videos", () => {
  it("holds the request while a runner finishes the job, then answers 201 with the video", async () => {
    await drainQueue();
    const key = await createKey();
    const waiting = createWaiting(key, "wait=600", { prompt: "a red ball falls from the top to the bottom" });
    let answered = false;
    void waiting.then(() => {
      answered = true;
    });
    const grant = await leaseNext();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false); // held while the job runs
    expect((await completeJob(grant)).status).toBe(200);
    const { res, body } = await waiting;
    expect(res.status).toBe(201);
    expect(res.headers.get("preference-applied")).toBe("wait=60"); // clamped to the maximum
    expect(res.headers.get("location")).toBe(`https://edge.test/v1/videos/${grant.job.id}`);
    expect(res.headers.get("x-cache")).toBe("MISS");
    expect(body).toMatchObject({ id: grant.job.id, status: "succeeded", cached: false });
    expect(body.outputs.map((o) => o.variant).sort()).toEqual(["gif", "mp4", "poster"]);
    expect(body.outputs[0]?.url).toMatch(/X-Amz-Signature=/);
  });

  it("answers 202 as without it once N seconds pass, and 201 for a job that failed in time", async () => {
    await drainQueue();
    const key = await createKey();
    const slow = await createWaiting(key, "wait=1", { prompt: "a blue square stays on the right" });
    expect(slow.res.status).toBe(202);
    expect(slow.res.headers.get("preference-applied")).toBe("wait=1");
    expect(slow.body.status).toBe("queued");
    expect(slow.ms).toBeGreaterThanOrEqual(900);
    expect(slow.ms).toBeLessThan(5_000);
    await drainQueue();

    const failing = createWaiting(key, "respond-async, wait=10", { prompt: "a green triangle rises" });
    const grant = await leaseNext();
    const failed = await json(
      "POST",
      `/internal/jobs/${grant.job.id}/fail`,
      { lease_id: grant.lease.id, code: "model_error", message: "broken", retryable: false },
      RUNNER,
    );
    expect(failed.status).toBe(200);
    const { res, body } = await failing;
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ id: grant.job.id, status: "failed", error: { code: "model_error" } });
  });

  it("answers a cache hit at once with 200, and ignores preferences it cannot read", async () => {
    const key = await createKey();
    const request = { prompt: "a yellow ball stays at the center", seed: 77 };
    const first = await createVideo(key, request);
    await completeJob(await leaseJob(first.body.id));
    const hit = await createWaiting(key, "wait=30", request);
    expect(hit.res.status).toBe(200);
    expect(hit.res.headers.get("x-cache")).toBe("HIT");
    expect(hit.res.headers.get("preference-applied")).toBe("wait=30");
    expect((hit.body as Video).id).toBe(first.body.id);
    expect(hit.ms).toBeLessThan(2_000);

    const odd = await createWaiting(key, "wait=soon", { prompt: "a white dot drifts to the left" });
    expect(odd.res.status).toBe(202);
    expect(odd.res.headers.has("preference-applied")).toBe(false);
    expect(odd.ms).toBeLessThan(2_000);
  });
});
