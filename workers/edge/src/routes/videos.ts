import { cancelVideo, createVideo, deleteVideo, getVideo, listVideos } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "@sketchreel/prompts";
import { type App, videoFor } from "../app-types.js";
import { readConfig } from "../config.js";
import { jobQueueStub } from "../durable/job-queue/index.js";
import { forgetShare } from "../embed/share-lookup.js";
import { fieldError, notFound } from "../errors.js";
import { cacheHits } from "../jobs/cache-hits.js";
import { unwrap } from "../jobs/outcome.js";
import { cleanUpOutputs } from "../jobs/output-cleanup.js";
import { prepareJob } from "../jobs/prepare-job.js";
import { logEvent } from "../log.js";

export function registerVideoRoutes(app: App): void {
  app.openapi(createVideo, async (c) => {
    const principal = c.get("principal");
    const config = readConfig(c.env);
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const { job, seedFixed } = await prepareJob(body, principal, config);
    const limits = config.tiers[principal.tier];
    // A request with an Idempotency-Key always goes to the JobQueue, which records the key; one with
    // a webhook too, which queues the hit's `video.succeeded` for it.
    const memoized = seedFixed && !key && !job.webhook_url ? cacheHits.get(job.tenant_id, job.cache_key) : undefined;
    const outcome = memoized
      ? { kind: "cached" as const, status: 200 as const, job: memoized }
      : unwrap(
          await jobQueueStub(c.env).createJob({
            job,
            seedFixed,
            idempotency: key ? { key, bodyHash: await sha256Hex(canonicalJson(await c.req.json())) } : null,
            limits: { maxConcurrentJobs: limits.max_concurrent_jobs, dailyComputeUnits: limits.daily_compute_units },
          }),
        );
    // Remembered only as the JobQueue answers, so an entry never outlives its TTL under traffic.
    if (!memoized && outcome.kind === "cached") cacheHits.remember(outcome.job);
    const cached = outcome.kind === "cached" || (outcome.kind === "replayed" && outcome.status === 200);
    c.header("X-Cache", cached ? "HIT" : "MISS");
    c.header("Location", `${config.publicBaseUrl}/v1/videos/${outcome.job.id}`);
    if (outcome.kind === "replayed") c.header("Idempotent-Replayed", "true");
    logEvent("info", "video_create", {
      request_id: c.get("requestId"),
      video_id: outcome.job.id,
      outcome: outcome.kind,
      ...(memoized ? { memoized: true } : {}),
    });
    // The caller's own webhook_url and metadata, even when the video is another request's (hit, twin).
    const own = { ...outcome.job, webhook_url: job.webhook_url, metadata: job.metadata };
    const video = await videoFor(c, own, { cached });
    return outcome.status === 200 ? c.json(video, 200) : c.json(video, 202);
  });

  app.openapi(listVideos, async (c) => {
    const { limit, cursor, status } = c.req.valid("query");
    const page = await jobQueueStub(c.env).listJobs(c.get("principal").tenantId, limit, decodeCursor(cursor), status);
    const data = await Promise.all(page.jobs.map((job) => videoFor(c, job, { store: undefined })));
    const next = page.nextCursor === null ? null : encodeCursor(page.nextCursor);
    return c.json({ object: "list" as const, data, has_more: page.hasMore, next_cursor: next }, 200);
  });

  app.openapi(getVideo, async (c) => {
    const job = await jobQueueStub(c.env).getJob(c.get("principal").tenantId, c.req.valid("param").id);
    if (!job) throw notFound("video");
    return c.json(await videoFor(c, job), 200);
  });

  app.openapi(cancelVideo, async (c) => {
    const outcome = unwrap(await jobQueueStub(c.env).cancelJob(c.get("principal").tenantId, c.req.valid("param").id));
    // A running job ends when its runner reports back (and is cleaned then); a queued one ends here.
    if (outcome.job.status === "canceled") cleanUpOutputs(c, outcome.job, "ended");
    return c.json(await videoFor(c, outcome.job), 200);
  });

  app.openapi(deleteVideo, async (c) => {
    const outcome = unwrap(await jobQueueStub(c.env).deleteJob(c.get("principal").tenantId, c.req.valid("param").id));
    cacheHits.forget(outcome.job);
    await forgetShare(c, outcome.job.share_id); // the embed stops here at once, elsewhere within its cache TTL
    cleanUpOutputs(c, outcome.job, "deleted"); // every object of every attempt
    return c.body(null, 204);
  });
}

const encodeCursor = (seq: number) => btoa(`seq:${seq}`).replace(/=+$/, "");

function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  try {
    const match = atob(cursor).match(/^seq:(\d{1,15})$/);
    if (match?.[1]) return Number(match[1]);
  } catch {
    // fall through
  }
  throw fieldError("cursor", "format", "cursor must be a next_cursor value from a previous page");
}
