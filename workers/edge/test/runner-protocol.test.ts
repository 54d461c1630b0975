import { runDurableObjectAlarm } from "cloudflare:test";
import type { Video } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import {
  call,
  completeJob,
  createKey,
  createVideo,
  drainQueue,
  json,
  lease,
  leaseJob,
  queueOf,
  RUNNER,
} from "./helpers.js";

const heartbeat = (id: string, leaseId: string, step = 3) =>
  json(
    "POST",
    `/internal/jobs/${id}/heartbeat`,
    { lease_id: leaseId, progress: { stage: "denoise", step, total_steps: 20 } },
    RUNNER,
  );
const fail = (id: string, leaseId: string, retryable: boolean, code = "oom") =>
  json("POST", `/internal/jobs/${id}/fail`, { lease_id: leaseId, code, message: "boom", retryable }, RUNNER);
const release = (id: string, leaseId: string) =>
  json(
    "POST",
    `/internal/jobs/${id}/fail`,
    { lease_id: leaseId, code: "runner_shutdown", message: "shutting down", retryable: true, released: true },
    RUNNER,
  );

async function getVideo(key: { auth: Record<string, string> }, id: string) {
  return (await (await call(`/v1/videos/${id}`, { headers: key.auth })).json()) as Video;
}

/** Wait past a lease's expiry (LEASE_TTL_MS is 400 in the test config). */
const pastLease = () => new Promise((resolve) => setTimeout(resolve, 450));

describe("runner protocol", () => {
  it("long-polls: a lease waiting on an empty queue gets the next job as soon as it is created", async () => {
    await drainQueue();
    const key = await createKey();
    const pending = lease(10_000);
    const { body } = await createVideo(key);
    const grant = await pending;
    expect(grant?.job).toMatchObject({
      id: body.id,
      tenant_id: key.tenant,
      attempt: 1,
      output_prefix: `t/${key.tenant}/${body.id}/`,
    });
    expect(grant?.job.params.seed).toBe(body.params.seed);
    expect(grant?.lease.ttl_ms).toBe(400);
    expect(await lease(0)).toBeNull();
    if (grant) await completeJob(grant);
  });

  it("hands out jobs FIFO and answers 204 when nothing arrives in wait_ms", async () => {
    await drainQueue();
    const key = await createKey();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createVideo(key, { seed: 100 + i })).body.id);
    const order = [];
    for (let i = 0; i < 3; i++) {
      const grant = await lease(0);
      order.push(grant?.job.id);
      if (grant) await completeJob(grant);
    }
    expect(order).toEqual(ids);
    const res = await json(
      "POST",
      "/internal/runners/lease",
      { runner_id: "r", models: ["shape-world-tiny"], wait_ms: 50 },
      RUNNER,
    );
    expect(res.status).toBe(204);
  });

  it("reports heartbeat progress on the video and extends the lease", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const grant = await leaseJob(body.id);
    const res = await heartbeat(body.id, grant.lease.id, 10);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ cancel_requested: false, lease_expires_at: expect.any(String) });
    const video = await getVideo(key, body.id);
    expect(video.status).toBe("running");
    expect(video.progress).toEqual({ stage: "denoise", step: 10, total_steps: 20, percent: 50 });
    await completeJob(grant);
  });

  it("requeues a job whose lease expired, rejects the lost lease, and completes exactly once", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const first = await leaseJob(body.id);
    await pastLease();
    const second = await leaseJob(body.id);
    expect(second.job.attempt).toBe(2);
    const late = await completeJob(first);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe("lease_lost");
    expect((await heartbeat(body.id, first.lease.id)).status).toBe(409);
    expect((await completeJob(second)).status).toBe(200);
    const again = await completeJob(second);
    expect(again.status).toBe(409);
    const video = await getVideo(key, body.id);
    expect(video).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(video.outputs.map((o) => o.variant)).toEqual(["mp4", "gif", "poster"]);
  });

  it("fails a job with runner_lost after three expired leases", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const grant = await leaseJob(body.id);
      expect(grant.job.attempt).toBe(attempt);
      await pastLease();
    }
    // The next lease call sweeps the expired lease (the alarm would too).
    await lease(0);
    const video = await getVideo(key, body.id);
    expect(video.status).toBe("failed");
    expect(video.error).toMatchObject({ code: "runner_lost", retryable: false });
  });

  it("requeues an expired lease from the Durable Object alarm, without any runner call", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    await leaseJob(body.id);
    expect((await getVideo(key, body.id)).status).toBe("running");
    await pastLease();
    await runDurableObjectAlarm(queueOf(body.id));
    const video = await getVideo(key, body.id);
    expect(video).toMatchObject({ status: "queued", attempts: 1, progress: { stage: "queued" } });
  });

  it("requeues retryable failures and fails non-retryable ones", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const first = await leaseJob(body.id);
    expect(await (await fail(body.id, first.lease.id, true)).json()).toEqual({ id: body.id, status: "queued" });
    const second = await leaseJob(body.id);
    expect(await (await fail(body.id, second.lease.id, false, "bad_model")).json()).toEqual({
      id: body.id,
      status: "failed",
    });
    expect((await getVideo(key, body.id)).error).toMatchObject({
      code: "bad_model",
      message: "boom",
      retryable: false,
    });
  });

  it("a job released by shutting-down runners keeps its attempts; real failures still use them up", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    for (let deploy = 0; deploy < 5; deploy++) {
      const grant = await leaseJob(body.id);
      expect(grant.job.attempt).toBe(1);
      expect(await (await release(body.id, grant.lease.id)).json()).toEqual({ id: body.id, status: "queued" });
      expect(await getVideo(key, body.id)).toMatchObject({
        status: "queued",
        attempts: 0,
        progress: { stage: "queued" },
      });
    }
    for (let attempt = 1; attempt <= 3; attempt++) {
      const grant = await leaseJob(body.id);
      expect(grant.job.attempt).toBe(attempt);
      await fail(body.id, grant.lease.id, true);
    }
    expect(await getVideo(key, body.id)).toMatchObject({ status: "failed", attempts: 3, error: { code: "oom" } });
  });

  it("a release on the last attempt requeues the job instead of failing it", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    for (let attempt = 1; attempt < 3; attempt++) await fail(body.id, (await leaseJob(body.id)).lease.id, true);
    const last = await leaseJob(body.id);
    expect(last.job.attempt).toBe(3);
    expect(await (await release(body.id, last.lease.id)).json()).toEqual({ id: body.id, status: "queued" });
    const again = await leaseJob(body.id);
    expect(again.job.attempt).toBe(3);
    expect((await completeJob(again)).status).toBe(200);
    expect(await getVideo(key, body.id)).toMatchObject({ status: "succeeded", attempts: 3 });
  });

  it("propagates cancel to the runner on its next heartbeat", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const grant = await leaseJob(body.id);
    const cancel = await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as Video).status).toBe("running");
    const beat = (await (await heartbeat(body.id, grant.lease.id)).json()) as { cancel_requested: boolean };
    expect(beat.cancel_requested).toBe(true);
    expect(await (await fail(body.id, grant.lease.id, false, "canceled")).json()).toEqual({
      id: body.id,
      status: "canceled",
    });
    const again = await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
    expect(again.status).toBe(409);
  });

  it("rejects outputs outside the job's prefix or not requested", async () => {
    const key = await createKey();
    const { body } = await createVideo(key, { outputs: ["mp4"] });
    const grant = await leaseJob(body.id);
    const res = await json(
      "POST",
      `/internal/jobs/${body.id}/complete`,
      {
        lease_id: grant.lease.id,
        seed: 1,
        outputs: [
          {
            variant: "mp4",
            key: "t/other-tenant/x/video.mp4",
            bytes: 1,
            sha256: "b".repeat(64),
            content_type: "video/mp4",
          },
          {
            variant: "gif",
            key: `${grant.job.output_prefix}video.gif`,
            bytes: 1,
            sha256: "b".repeat(64),
            content_type: "image/gif",
          },
        ],
      },
      RUNNER,
    );
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(["outputs.0.key", "outputs.1.variant"]);
    expect((await completeJob(grant, ["mp4"])).status).toBe(200);
  });

  it("answers 404 for an unknown job and 422 for a malformed heartbeat", async () => {
    expect((await heartbeat("vid_0000000000000000", "lse_whatever1")).status).toBe(404);
    const bad = await json("POST", "/internal/jobs/vid_0000000000000000/heartbeat", { lease_id: "x" }, RUNNER);
    expect(bad.status).toBe(422);
  });
});
