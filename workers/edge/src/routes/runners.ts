import { completeJob, failJob, heartbeatJob, leaseJob } from "@sketchreel/contract";
import type { App } from "../app-types.js";
import { readConfig } from "../config.js";
import { jobQueueStub } from "../durable/job-queue/index.js";
import { unwrap } from "../jobs/outcome.js";
import { cleanUpOutputs } from "../jobs/output-cleanup.js";
import { logEvent } from "../log.js";

/** How much later than its `wait_ms` a long poll may still be granted a job. */
export const LEASE_GRANT_SLACK_MS = 5_000;

/** The pull protocol of the runners (`/internal/*`, runner token). */
export function registerRunnerRoutes(app: App): void {
  app.openapi(leaseJob, async (c) => {
    const { runner_id, models, wait_ms } = c.req.valid("json");
    // A lease the poller never receives costs the job an attempt: grant nothing once the poll is
    // this late (a JobQueue backlog), well before the runner's own timeout (wait_ms + 15 s) fires.
    const grantBy = Date.now() + wait_ms + LEASE_GRANT_SLACK_MS;
    const grant = await jobQueueStub(c.env).lease(models, runner_id, wait_ms, grantBy);
    if (!grant) return c.body(null, 204);
    const { job } = grant;
    logEvent("info", "job_leased", { video_id: job.id, runner_id, attempt: job.attempts });
    const lease = {
      id: grant.leaseId,
      ttl_ms: readConfig(c.env).leaseTtlMs,
      expires_at: new Date(grant.expiresAt).toISOString(),
    };
    const leased = {
      id: job.id,
      tenant_id: job.tenant_id,
      attempt: job.attempts,
      model: job.model,
      prompt: job.prompt,
      negative_prompt: job.negative_prompt,
      params: job.params,
      outputs: job.outputs_requested,
      output_prefix: job.output_prefix,
    };
    return c.json({ job: leased, lease }, 200);
  });

  app.openapi(heartbeatJob, async (c) => {
    const { lease_id, progress } = c.req.valid("json");
    const beat = unwrap(await jobQueueStub(c.env).heartbeat(c.req.valid("param").id, lease_id, progress));
    return c.json(
      { lease_expires_at: new Date(beat.expiresAt).toISOString(), cancel_requested: beat.cancelRequested },
      200,
    );
  });

  app.openapi(completeJob, async (c) => {
    const { lease_id, ...body } = c.req.valid("json");
    const done = unwrap(await jobQueueStub(c.env).complete(c.req.valid("param").id, lease_id, body));
    logEvent("info", "job_completed", { video_id: done.job.id, outputs: body.outputs.length });
    cleanUpOutputs(c, done.job, "completed");
    return c.json({ id: done.job.id, status: done.job.status }, 200);
  });

  app.openapi(failJob, async (c) => {
    const { lease_id, ...body } = c.req.valid("json");
    const done = unwrap(await jobQueueStub(c.env).fail(c.req.valid("param").id, lease_id, body));
    logEvent(body.released ? "info" : "warn", body.released ? "job_released" : "job_failed", {
      video_id: done.job.id,
      code: body.code,
      retryable: body.retryable,
      status: done.job.status,
    });
    if (done.job.status === "failed" || done.job.status === "canceled") cleanUpOutputs(c, done.job, "ended");
    return c.json({ id: done.job.id, status: done.job.status }, 200);
  });
}
