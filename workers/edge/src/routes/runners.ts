import { completeJob, failJob, heartbeatJob, leaseJob } from "@sketchreel/contract";
import type { App } from "../app-types.js";
import { readConfig } from "../config.js";
import type { LeaseGrant } from "../durable/job-queue/index.js";
import { videoQueue } from "../durable/shards/index.js";
import { leaseAcrossShards } from "../durable/shards/lease.js";
import { cacheHits } from "../jobs/cache-hits.js";
import { unwrap } from "../jobs/outcome.js";
import { logEvent } from "../log.js";

/** How much later than its `wait_ms` a long poll may still be granted a job. */
export const LEASE_GRANT_SLACK_MS = 5_000;

/** The pull protocol of the runners (`/internal/*`, runner token); jobs are routed by their id's shard tag. */
export function registerRunnerRoutes(app: App): void {
  app.openapi(leaseJob, async (c) => {
    const { runner_id, models, wait_ms, max_jobs } = c.req.valid("json");
    // A lease the poller never receives costs the job an attempt: grant nothing once the poll is
    // this late (a JobQueue backlog), well before the runner's own timeout (wait_ms + 15 s) fires.
    const grantBy = Date.now() + wait_ms + LEASE_GRANT_SLACK_MS;
    const grants = await leaseAcrossShards(c.env, {
      models,
      runnerId: runner_id,
      max: max_jobs,
      waitMs: wait_ms,
      grantBy,
    });
    const [first, ...more] = grants;
    if (!first) return c.body(null, 204);
    const ttlMs = readConfig(c.env).leaseTtlMs;
    for (const { job } of grants)
      logEvent("info", "job_leased", { video_id: job.id, runner_id, attempt: job.attempts });
    return c.json(
      { ...leaseOf(first, ttlMs), ...(more.length > 0 ? { more_leases: more.map((g) => leaseOf(g, ttlMs)) } : {}) },
      200,
    );
  });

  app.openapi(heartbeatJob, async (c) => {
    const { lease_id, progress } = c.req.valid("json");
    const { id } = c.req.valid("param");
    const beat = unwrap(await videoQueue(c.env, id).heartbeat(id, lease_id, progress));
    return c.json(
      { lease_expires_at: new Date(beat.expiresAt).toISOString(), cancel_requested: beat.cancelRequested },
      200,
    );
  });

  app.openapi(completeJob, async (c) => {
    const { lease_id, ...body } = c.req.valid("json");
    const { id } = c.req.valid("param");
    const done = unwrap(await videoQueue(c.env, id).complete(id, lease_id, body));
    // Other attempts' objects (if any) are deleted by the JobQueue's alarm (durable/job-queue/output-cleanup.ts).
    logEvent("info", "job_completed", { video_id: done.job.id, outputs: body.outputs.length });
    // A fixed-seed result becomes a cache hit that no Durable Object has to answer.
    c.executionCtx.waitUntil(cacheHits.publish(c.env, done.job));
    return c.json({ id: done.job.id, status: done.job.status }, 200);
  });

  app.openapi(failJob, async (c) => {
    const { lease_id, ...body } = c.req.valid("json");
    const { id } = c.req.valid("param");
    const done = unwrap(await videoQueue(c.env, id).fail(id, lease_id, body));
    logEvent(body.released ? "info" : "warn", body.released ? "job_released" : "job_failed", {
      video_id: done.job.id,
      code: body.code,
      retryable: body.retryable,
      status: done.job.status,
    });
    return c.json({ id: done.job.id, status: done.job.status }, 200);
  });
}

/** One grant as the protocol's job + lease. */
function leaseOf({ job, leaseId, expiresAt }: LeaseGrant, ttlMs: number) {
  return {
    job: {
      id: job.id,
      tenant_id: job.tenant_id,
      attempt: job.attempts,
      model: job.model,
      prompt: job.prompt,
      negative_prompt: job.negative_prompt,
      params: job.params,
      outputs: job.outputs_requested,
      output_prefix: job.output_prefix,
    },
    lease: { id: leaseId, ttl_ms: ttlMs, expires_at: new Date(expiresAt).toISOString() },
  };
}
