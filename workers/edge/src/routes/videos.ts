import { cancelVideo, createVideo, deleteVideo, getVideo, isTerminal, listVideos } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "@sketchreel/prompts";
import { type App, videoFor } from "../app-types.js";
import { readConfig } from "../config.js";
import { videoQueue } from "../durable/shards/index.js";
import { decodeListCursor, encodeListCursor } from "../durable/shards/list-cursor.js";
import { createTenantJob, listTenantJobs } from "../durable/shards/tenant-queues.js";
import { forgetShare } from "../embed/share-lookup.js";
import { notFound } from "../errors.js";
import { cacheHits } from "../jobs/cache-hits.js";
import { unwrap } from "../jobs/outcome.js";
import { preferredWaitS, waitForTerminal } from "../jobs/prefer-wait.js";
import { prepareJob } from "../jobs/prepare-job.js";
import { logEvent } from "../log.js";

export function registerVideoRoutes(app: App): void {
  app.openapi(createVideo, async (c) => {
    const principal = c.get("principal");
    const config = readConfig(c.env);
    const body = c.req.valid("json");
    const { "idempotency-key": key, prefer } = c.req.valid("header");
    // A request with an Idempotency-Key always goes to the JobQueue, which records the key; one with
    // a webhook too, which queues the hit's `video.succeeded` for it. Others hit the memo or KV,
    // and a body this isolate prepared before skips preparing too.
    const repeat = !key && !body.webhook_url ? await cacheHits.findRepeat(c.env, principal.tenantId, body) : undefined;
    const { job, seedFixed } = repeat
      ? { job: { ...repeat, webhook_url: null, metadata: body.metadata ?? {} }, seedFixed: true }
      : await prepareJob(body, principal, config);
    if (!repeat && seedFixed) cacheHits.notePrepared(principal.tenantId, body, job.cache_key);
    const limits = config.tiers[principal.tier];
    const memoized =
      repeat ??
      (seedFixed && !key && !job.webhook_url ? await cacheHits.find(c.env, job.tenant_id, job.cache_key) : undefined);
    const outcome = memoized
      ? { kind: "cached" as const, status: 200 as const, job: memoized }
      : unwrap(
          await createTenantJob(c.env, {
            job,
            seedFixed,
            idempotency: key ? { key, bodyHash: await sha256Hex(canonicalJson(await c.req.json())) } : null,
            limits: {
              maxConcurrentJobs: limits.max_concurrent_jobs,
              dailyComputeUnits: limits.daily_compute_units,
              retentionDays: limits.retention_days,
            },
          }),
        );
    // Remembered only as the JobQueue answers, so an entry never outlives its TTL under traffic; a
    // hit the JobQueue had to answer (KV missed it) is published for the other isolates.
    if (!memoized && outcome.kind === "cached") {
      cacheHits.remember(outcome.job);
      c.executionCtx.waitUntil(cacheHits.publish(c.env, outcome.job));
    }
    const cached = outcome.kind === "cached" || (outcome.kind === "replayed" && outcome.status === 200);
    c.header("X-Cache", cached ? "HIT" : "MISS");
    c.header("Location", `${config.publicBaseUrl}/v1/videos/${outcome.job.id}`);
    if (outcome.kind === "replayed") c.header("Idempotent-Replayed", "true");
    // `Prefer: wait=N`: hold a 202 until the video reaches a terminal state (then 201) or N s pass.
    const waitS = preferredWaitS(prefer);
    if (waitS !== null) c.header("Preference-Applied", `wait=${waitS}`);
    const { tenant_id: tenantId, id } = outcome.job;
    const latest =
      outcome.status === 202 && waitS
        ? await waitForTerminal(outcome.job, waitS, (since, ms) => videoQueue(c.env, id).watch(tenantId, id, since, ms))
        : outcome.job;
    const status = outcome.status === 200 ? 200 : waitS !== null && isTerminal(latest.status) ? 201 : 202;
    logEvent("info", "video_create", {
      request_id: c.get("requestId"),
      video_id: outcome.job.id,
      outcome: outcome.kind,
      ...(memoized ? { memoized: true } : {}),
      ...(waitS !== null ? { wait_s: waitS, status } : {}),
    });
    // The caller's own webhook_url and metadata, even when the video is another request's (hit, twin).
    const own = { ...latest, webhook_url: job.webhook_url, metadata: job.metadata };
    const video = await videoFor(c, own, { cached });
    return status === 200 ? c.json(video, 200) : status === 201 ? c.json(video, 201) : c.json(video, 202);
  });

  app.openapi(listVideos, async (c) => {
    const { limit, cursor, status } = c.req.valid("query");
    const tenantId = c.get("principal").tenantId;
    const page = await listTenantJobs(c.env, tenantId, limit, decodeListCursor(cursor), status);
    const data = await Promise.all(page.jobs.map((job) => videoFor(c, job, { store: undefined })));
    const next = page.next === null ? null : encodeListCursor(page.next);
    return c.json({ object: "list" as const, data, has_more: page.hasMore, next_cursor: next }, 200);
  });

  app.openapi(getVideo, async (c) => {
    const { id } = c.req.valid("param");
    const job = await videoQueue(c.env, id).getJob(c.get("principal").tenantId, id);
    if (!job) throw notFound("video");
    return c.json(await videoFor(c, job), 200);
  });

  app.openapi(cancelVideo, async (c) => {
    const { id } = c.req.valid("param");
    // A queued job ends here, a running one when its runner reports back; its objects are then
    // deleted by the JobQueue's alarm, as for every ended job.
    const outcome = unwrap(await videoQueue(c.env, id).cancelJob(c.get("principal").tenantId, id));
    return c.json(await videoFor(c, outcome.job), 200);
  });

  app.openapi(deleteVideo, async (c) => {
    const { id } = c.req.valid("param");
    // The record goes at once; every object of every attempt is deleted by the JobQueue's alarm,
    // recorded in the same transaction and retried until storage confirms.
    const outcome = unwrap(await videoQueue(c.env, id).deleteJob(c.get("principal").tenantId, id));
    await cacheHits.forget(c.env, outcome.job); // here and in KV at once (other locations: cache-hits.ts)
    await forgetShare(c, outcome.job.share_id); // the embed stops here at once, elsewhere within its cache TTL
    return c.body(null, 204);
  });
}
