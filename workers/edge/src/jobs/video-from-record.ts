import { type Progress, type Stage, VARIANT_CONTENT_TYPES, type Video } from "@sketchreel/contract";
import type { ObjectStore } from "../storage/s3.js";
import type { JobRecord } from "./job-record.js";

const STAGE_PERCENT: Record<Stage, number> = {
  queued: 0,
  check_inputs: 2,
  encode_prompt: 5,
  prepare_timesteps: 7,
  prepare_latents: 9,
  denoise: 10,
  decode: 91,
  encode_video: 94,
  upload: 97,
  done: 100,
};

/** Overall progress estimate: the denoise loop is 80 % of the work. */
export function progressOf(job: JobRecord): Progress {
  const { stage, step, total_steps } = job.progress;
  let percent = STAGE_PERCENT[stage];
  if (stage === "denoise" && total_steps > 0) percent += (80 * Math.min(step, total_steps)) / total_steps;
  if (job.status === "succeeded") percent = 100;
  return {
    stage: job.status === "succeeded" ? "done" : stage,
    step,
    total_steps,
    percent: Math.round(percent * 10) / 10,
  };
}

export function shareOf(job: Pick<JobRecord, "share_id">, publicBaseUrl: string) {
  const embedUrl = `${publicBaseUrl}/embed/${job.share_id}`;
  return {
    id: job.share_id,
    embed_url: embedUrl,
    oembed_url: `${publicBaseUrl}/oembed?url=${encodeURIComponent(embedUrl)}`,
    video_url: `${embedUrl}/video.mp4`,
    poster_url: `${embedUrl}/poster.png`,
  };
}

export interface VideoOptions {
  publicBaseUrl: string;
  /** Mints fresh presigned output URLs; omit to leave `url` out (webhook bodies, lists). */
  store?: ObjectStore | undefined;
  presignTtlS: number;
  cached?: boolean;
}

/** A stored job as the API's `Video` JSON, with freshly presigned output URLs when given a store. */
export async function videoFromRecord(job: JobRecord, options: VideoOptions): Promise<Video> {
  const outputs = await Promise.all(
    job.outputs.map(async (o) => {
      const base = {
        variant: o.variant,
        content_type: o.content_type || VARIANT_CONTENT_TYPES[o.variant],
        bytes: o.bytes,
        sha256: o.sha256,
        ...(o.width ? { width: o.width } : {}),
        ...(o.height ? { height: o.height } : {}),
      };
      if (!options.store) return base;
      const signed = await options.store.presignGet(o.key, options.presignTtlS);
      return { ...base, url: signed.url, url_expires_at: signed.expiresAt.toISOString() };
    }),
  );
  return {
    id: job.id,
    object: "video",
    status: job.status,
    model: job.model,
    prompt: job.prompt,
    negative_prompt: job.negative_prompt,
    template: job.template,
    params: job.params,
    outputs_requested: job.outputs_requested,
    progress: progressOf(job),
    outputs,
    error: job.error,
    cached: options.cached ?? false,
    attempts: job.attempts,
    share: shareOf(job, options.publicBaseUrl),
    webhook_url: job.webhook_url,
    metadata: job.metadata,
    ...(job.timings_ms ? { timings_ms: job.timings_ms } : {}),
    created_at: job.created_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
  };
}
