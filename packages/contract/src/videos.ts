import { z } from "@hono/zod-openapi";
import { ShareId, TemplateId, Timestamp, VideoId } from "./ids.js";
import {
  Fps,
  GuidanceScale,
  Height,
  LIMITS,
  ModelId,
  NegativePrompt,
  NumFrames,
  Prompt,
  ResolvedParams,
  Scheduler,
  Seed,
  Steps,
  TemplateValue,
  VARIANTS,
  Variant,
  WebhookUrl,
  Width,
} from "./params.js";

export const JOB_STATES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export const JobState = z.enum(JOB_STATES).openapi("JobState");
export type JobState = z.infer<typeof JobState>;
export const TERMINAL_STATES: readonly JobState[] = ["succeeded", "failed", "canceled"];
export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** Pipeline stages in order, as reported by runners (DESIGN.md "pipeline stages"). */
export const STAGES = [
  "queued",
  "check_inputs",
  "encode_prompt",
  "prepare_timesteps",
  "prepare_latents",
  "denoise",
  "decode",
  "encode_video",
  "upload",
  "done",
] as const;
export const Stage = z.enum(STAGES).openapi("Stage");
export type Stage = z.infer<typeof Stage>;

export const Progress = z
  .object({
    stage: Stage,
    step: z.number().int().nonnegative(),
    total_steps: z.number().int().nonnegative(),
    percent: z.number().min(0).max(100).openapi({ description: "Overall progress estimate, 0-100." }),
  })
  .openapi("Progress");
export type Progress = z.infer<typeof Progress>;

export const TemplateRef = z
  .object({
    id: TemplateId,
    version: z.number().int().positive().optional().openapi({ description: "Pin a version; default latest." }),
    variables: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { error: "variable names are snake_case" }), TemplateValue)
      .refine((v) => Object.keys(v).length <= LIMITS.maxTemplateVariables, {
        error: `at most ${LIMITS.maxTemplateVariables} template variables`,
      })
      .default({}),
  })
  .strict()
  .openapi("TemplateRef");

export const Metadata = z
  .record(z.string().max(64), z.string().max(500))
  .refine((m) => Object.keys(m).length <= LIMITS.maxMetadataKeys, {
    error: `metadata may hold at most ${LIMITS.maxMetadataKeys} keys`,
  })
  .openapi({ description: "Your own key/value pairs, echoed back." });

export const CreateVideoRequest = z
  .object({
    prompt: Prompt.optional(),
    template: TemplateRef.optional(),
    negative_prompt: NegativePrompt.optional(),
    model: ModelId.optional(),
    width: Width.optional(),
    height: Height.optional(),
    num_frames: NumFrames.optional(),
    fps: Fps.optional(),
    num_inference_steps: Steps.optional(),
    guidance_scale: GuidanceScale.optional(),
    seed: Seed.optional(),
    scheduler: Scheduler.optional(),
    outputs: z
      .array(Variant)
      .min(1, { error: "outputs must name at least one variant" })
      .max(VARIANTS.length)
      .refine((v) => new Set(v).size === v.length, { error: "outputs must not repeat a variant" })
      .optional()
      .openapi({ description: "Renditions to produce; default mp4, gif, poster." }),
    webhook_url: WebhookUrl.optional(),
    metadata: Metadata.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.prompt === undefined && body.template === undefined) {
      ctx.addIssue({ code: "custom", path: ["prompt"], message: "prompt is required unless template is given" });
    }
    if (body.prompt !== undefined && body.template !== undefined) {
      ctx.addIssue({ code: "custom", path: ["template"], message: "give either prompt or template, not both" });
    }
  })
  .openapi("CreateVideoRequest");
export type CreateVideoRequest = z.input<typeof CreateVideoRequest>;

export const Output = z
  .object({
    variant: Variant,
    content_type: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[a-f0-9]{64}$/),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    url: z.string().url().optional().openapi({ description: "Short-lived presigned URL, minted per request." }),
    url_expires_at: Timestamp.optional(),
  })
  .openapi("Output");
export type Output = z.infer<typeof Output>;

export const JobError = z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).openapi("JobError");

export const Share = z
  .object({
    id: ShareId,
    embed_url: z.string().url(),
    oembed_url: z.string().url(),
    video_url: z.string().url().optional().openapi({
      description:
        "The MP4 at a URL that does not expire (`/embed/{shareId}/video.mp4`, redirecting to a fresh presigned one): keep this one, not `outputs[].url`.",
    }),
    poster_url: z.string().url().optional().openapi({
      description:
        "The poster image at a URL that does not expire (`/embed/{shareId}/poster.png`), for link previews and thumbnails.",
    }),
  })
  .openapi("Share");

export const Video = z
  .object({
    id: VideoId,
    object: z.literal("video"),
    status: JobState,
    model: z.object({ id: ModelId, version: z.string() }),
    prompt: z.string(),
    negative_prompt: z.string(),
    template: z
      .object({ id: TemplateId, version: z.number().int(), variables: z.record(z.string(), TemplateValue) })
      .nullable(),
    params: ResolvedParams,
    outputs_requested: z.array(Variant),
    progress: Progress,
    outputs: z.array(Output),
    error: JobError.nullable(),
    cached: z.boolean().openapi({ description: "True when served from the result cache (no GPU work)." }),
    attempts: z.number().int().nonnegative(),
    share: Share.nullable(),
    webhook_url: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    timings_ms: z.record(z.string(), z.number()).optional(),
    created_at: Timestamp,
    started_at: Timestamp.nullable(),
    completed_at: Timestamp.nullable(),
  })
  .openapi("Video");
export type Video = z.infer<typeof Video>;

export const VideoList = z
  .object({
    object: z.literal("list"),
    data: z.array(Video),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .openapi("VideoList");
export type VideoList = z.infer<typeof VideoList>;

export const ListVideosQuery = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be an integer" })
    .min(1, { error: "limit must be at least 1" })
    .max(100, { error: "limit must be at most 100" })
    .default(20)
    .openapi({ param: { name: "limit", in: "query" } }),
  cursor: z
    .string()
    .max(200, { error: "cursor must be at most 200 characters" })
    .optional()
    .openapi({ param: { name: "cursor", in: "query" } }),
  status: JobState.optional().openapi({ param: { name: "status", in: "query" } }),
});

export const ContentQuery = z.object({
  variant: Variant.default("mp4").openapi({ param: { name: "variant", in: "query" } }),
});

export const VIDEO_EVENT_TYPES = [
  "video.queued",
  "video.running",
  "video.progress",
  "video.succeeded",
  "video.failed",
  "video.canceled",
] as const;
export const VideoEventType = z.enum(VIDEO_EVENT_TYPES).openapi("VideoEventType");
export type VideoEventType = z.infer<typeof VideoEventType>;

/** One Server-Sent Event (`event:` = type, `data:` = this JSON) and one webhook body. */
export const VideoEvent = z
  .object({
    id: z.string(),
    type: VideoEventType,
    created_at: Timestamp,
    data: Video,
  })
  .openapi("VideoEvent");
export type VideoEvent = z.infer<typeof VideoEvent>;

/** The longest `Prefer: wait=N` the edge honours, in seconds; a longer one is clamped to it. */
export const MAX_PREFER_WAIT_S = 60;

export const CreateVideoHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255, { error: "Idempotency-Key must be at most 255 characters" })
    .optional()
    .openapi({ description: "Retries with the same key within 24 h return the first response." }),
  prefer: z
    .string()
    .max(1024)
    .optional()
    .openapi({
      description:
        `RFC 7240 preferences. \`wait=N\` (seconds; \`wait\` alone means ${MAX_PREFER_WAIT_S}; more is clamped to ` +
        `${MAX_PREFER_WAIT_S}): hold the request until the video reaches a terminal state, up to N seconds. ` +
        "Finished in time: 201 with the video; else 202 as without it. `Preference-Applied: wait=N` says what was " +
        "honoured. Preferences the edge does not know, and malformed ones, are ignored.",
      example: "wait=30",
    }),
});
