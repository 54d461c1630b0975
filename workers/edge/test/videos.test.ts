import type { Video, VideoList } from "@sketchreel/contract";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MODELS } from "../src/models.js";
import { fakeBucket, secondAttempt } from "./bucket.js";
import {
  call,
  completeJob,
  createKey,
  createVideo,
  drainQueue,
  lease,
  leaseJob,
  outputsFor,
  PROMPT,
} from "./helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("videos", () => {
  it("creates a job: 202, Location, resolved params with a random seed recorded, per-tenant output prefix", async () => {
    const key = await createKey();
    const { res, body } = await createVideo(key, { metadata: { ticket: "42" } });
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`https://edge.test/v1/videos/${body.id}`);
    expect(res.headers.get("x-cache")).toBe("MISS");
    expect(body).toMatchObject({
      object: "video",
      status: "queued",
      model: { id: "shape-world-tiny", version: MODELS["shape-world-tiny"]!.model_version },
      prompt: PROMPT,
      params: {
        width: 64,
        height: 64,
        num_frames: 16,
        fps: 8,
        num_inference_steps: 20,
        guidance_scale: MODELS["shape-world-tiny"]!.defaults.guidance_scale,
        scheduler: "unipc",
      },
      outputs_requested: ["mp4", "gif", "poster"],
      progress: { stage: "queued", percent: 0 },
      cached: false,
      metadata: { ticket: "42" },
    });
    expect(body.params.seed).toEqual(expect.any(Number));
    // Both ids: a two-character shard tag (the tenant's home shard, the same in both), then 24 random characters.
    expect(body.share?.embed_url).toMatch(/^https:\/\/edge\.test\/embed\/shr_[A-Za-z0-9]{26}$/);
    expect(body.id.slice(4, 6)).toBe(body.share?.id.slice(4, 6));
    const other = await createVideo(key);
    expect(other.body.params.seed).not.toBe(body.params.seed);
    const grant = await leaseJob(body.id);
    expect(grant.job.output_prefix).toBe(`t/${key.tenant}/${body.id}/`);
    await completeJob(grant);
  });

  it("resolves templates with their variables and defaults", async () => {
    const key = await createKey();
    const { res, body } = await createVideo(key, {
      prompt: undefined,
      template: { id: "slow-rise", variables: { color: "red" } },
    });
    expect(res.status).toBe(202);
    expect(body.prompt).toBe("a red ball rises from the bottom edge to the center");
    expect(body.template).toEqual({ id: "slow-rise", version: 1, variables: { color: "red", shape: "ball" } });
    expect(body.params).toMatchObject({ num_inference_steps: 30, guidance_scale: 5 });
    const bad = await createVideo(key, {
      prompt: undefined,
      template: { id: "slow-rise", variables: { color: "pink" } },
    });
    expect(bad.res.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("template.variables.color");
  });

  it("hides other tenants' videos: 404 on get, cancel, delete, content and events", async () => {
    const owner = await createKey();
    const stranger = await createKey();
    const { body } = await createVideo(owner);
    const attempts = [
      call(`/v1/videos/${body.id}`, { headers: stranger.auth }),
      call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: stranger.auth }),
      call(`/v1/videos/${body.id}`, { method: "DELETE", headers: stranger.auth }),
      call(`/v1/videos/${body.id}/content`, { headers: stranger.auth }),
      call(`/v1/videos/${body.id}/events`, { headers: stranger.auth }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).not.toContain(PROMPT);
      expect(text).not.toContain(owner.tenant);
    }
    const list = (await (await call("/v1/videos", { headers: stranger.auth })).json()) as VideoList;
    expect(list.data).toEqual([]);
    expect((await call(`/v1/videos/${body.id}`, { headers: owner.auth })).status).toBe(200);
  });

  it("lists newest first with a cursor and a status filter", async () => {
    const key = await createKey();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createVideo(key, { seed: 500 + i })).body.id);
    await call(`/v1/videos/${ids[0]}/cancel`, { method: "POST", headers: key.auth });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = (await (await call(`/v1/videos${query}`, { headers: key.auth })).json()) as VideoList;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((v) => v.id));
      cursor = page.next_cursor;
      expect(page.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const canceled = (await (await call("/v1/videos?status=canceled", { headers: key.auth })).json()) as VideoList;
    expect(canceled.data.map((v) => v.id)).toEqual([ids[0]]);
    const bad = await call("/v1/videos?cursor=garbage!&limit=500", { headers: key.auth });
    expect(bad.status).toBe(422);
  });

  it("honours Idempotency-Key: same body replays, a different body is 422", async () => {
    const key = await createKey();
    const headers = { "idempotency-key": "order-7" };
    const first = await createVideo(key, { num_inference_steps: 12 }, headers);
    const replay = await createVideo(key, { num_inference_steps: 12 }, headers);
    expect(replay.res.status).toBe(202);
    expect(replay.res.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    const reused = await createVideo(key, { num_inference_steps: 13 }, headers);
    expect(reused.res.status).toBe(422);
    expect((reused.body as unknown as { code: string }).code).toBe("idempotency_key_reused");
    const otherTenant = await createVideo(await createKey(), { num_inference_steps: 13 }, headers);
    expect(otherTenant.res.status).toBe(202);
  });

  it("attaches identical fixed-seed requests to the running job (single-flight)", async () => {
    const key = await createKey();
    const results = await Promise.all([1, 2, 3, 4].map(() => createVideo(key, { seed: 77 })));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.every((r) => r.res.status === 202)).toBe(true);
    const [id] = [...ids];
    const grant = await leaseJob(id ?? "");
    const whileRunning = await createVideo(key, { seed: 77 });
    expect(whileRunning.body.id).toBe(id);
    await completeJob(grant);
  });

  it("serves a succeeded fixed-seed request from the cache with no runner work; a model version bump misses", async () => {
    await drainQueue(); // other tests' jobs wait on other shards: the lease below must see only this one's
    const key = await createKey();
    const { body } = await createVideo(key, { seed: 9, prompt: "A red ball falls from the top to the bottom." });
    await completeJob(await leaseJob(body.id));
    // The cache key is what the model gets: the contract collapses whitespace, nothing else is folded.
    const hit = await createVideo(key, { seed: 9, prompt: "A red  ball falls from the top to the bottom. " });
    expect(hit.res.status).toBe(200);
    expect(hit.res.headers.get("x-cache")).toBe("HIT");
    expect(hit.body).toMatchObject({ id: body.id, status: "succeeded", cached: true });
    expect(hit.body.outputs[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4568\/sketchreel\/t\//);
    expect(await lease(0)).toBeNull();

    // A trailing full stop is a token the model sees: another video (issue 14).
    const noStop = await createVideo(key, { seed: 9, prompt: "A red ball falls from the top to the bottom" });
    expect(noStop.res.status).toBe(202);
    expect(noStop.body.id).not.toBe(body.id);

    const model = MODELS["shape-world-tiny"];
    if (!model) throw new Error("model missing");
    vi.spyOn(model, "model_version", "get").mockReturnValue("1.0.1");
    const miss = await createVideo(key, { seed: 9, prompt: "a red ball falls from the top to the bottom" });
    expect(miss.res.status).toBe(202);
    expect(miss.body.model.version).toBe("1.0.1");
    expect(miss.body.id).not.toBe(body.id);
    const seedless = await createVideo(key, { prompt: "A red ball falls from the top to the bottom." });
    expect(seedless.body.id).not.toBe(body.id);
  });

  it("cancels queued jobs at once and refuses to delete running ones", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const canceled = await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
    expect(((await canceled.json()) as Video).status).toBe("canceled");
    const running = await createVideo(key);
    const grant = await leaseJob(running.body.id);
    const del = await call(`/v1/videos/${running.body.id}`, { method: "DELETE", headers: key.auth });
    expect(del.status).toBe(409);
    await completeJob(grant);
  });

  it("keeps only the completing attempt's objects, and deleting a video removes every object of every attempt", async () => {
    // The bucket as S3 would hold it: listed with ListObjectsV2, emptied with signed DELETEs.
    const bucket = fakeBucket();
    const key = await createKey();
    // Attempt 1 uploads one variant and fails (retryable); attempt 2 completes.
    const { video: body, grant } = await secondAttempt(key, bucket);
    const winner = outputsFor(grant.job.output_prefix).map((o) => o.key);
    for (const k of winner) bucket.objects.add(k);
    await completeJob(grant);
    await vi.waitFor(() => expect([...bucket.objects].sort()).toEqual([...winner].sort()), {
      timeout: 2_000,
      interval: 10,
    });

    const res = await call(`/v1/videos/${body.id}`, { method: "DELETE", headers: key.auth });
    expect(res.status).toBe(204);
    await vi.waitFor(() => expect([...bucket.objects]).toEqual([]), { timeout: 2_000, interval: 10 });
    const prefix = `/sketchreel/t/${key.tenant}/${body.id}/`;
    expect(bucket.deletes.map((r) => new URL(r.url).pathname).sort()).toEqual(
      [`${prefix}attempt-1/video.mp4`, `${prefix}poster.png`, `${prefix}video.gif`, `${prefix}video.mp4`].sort(),
    );
    for (const r of bucket.deletes)
      expect(r.headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\//);
    expect((await call(`/v1/videos/${body.id}`, { headers: key.auth })).status).toBe(404);
    expect((await call(`/embed/${body.share?.id}`)).status).toBe(404);
  });

  it("redirects content to a fresh presigned URL; 409 before success, 404 for a variant not produced", async () => {
    const key = await createKey();
    const { body } = await createVideo(key, { outputs: ["mp4", "poster"] });
    expect((await call(`/v1/videos/${body.id}/content`, { headers: key.auth })).status).toBe(409);
    await completeJob(await leaseJob(body.id), ["mp4", "poster"]);
    const res = await call(`/v1/videos/${body.id}/content?variant=mp4`, { headers: key.auth, redirect: "manual" });
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location") ?? "");
    expect(url.origin + url.pathname).toBe(`http://127.0.0.1:4568/sketchreel/t/${key.tenant}/${body.id}/video.mp4`);
    const q = url.searchParams;
    expect(q.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(q.get("X-Amz-Credential")).toMatch(/^S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request$/);
    expect(q.get("X-Amz-Expires")).toBe("300");
    expect(q.get("X-Amz-SignedHeaders")).toBe("host");
    expect(q.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const gif = await call(`/v1/videos/${body.id}/content?variant=gif`, { headers: key.auth, redirect: "manual" });
    expect(gif.status).toBe(404);
    const bad = await call(`/v1/videos/${body.id}/content?variant=avi`, { headers: key.auth, redirect: "manual" });
    expect(bad.status).toBe(422);
  });
});
