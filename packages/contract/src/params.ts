import { z } from "@hono/zod-openapi";
import { findHiddenCharacter } from "./hidden-characters.js";

/**
 * Generation parameter rules, declared once. The API, the runner and the CLI all validate with
 * these; a model package may narrow them further (its `limits`), never widen them.
 */
export const LIMITS = {
  promptMaxChars: 1000,
  negativePromptMaxChars: 1000,
  sizeMultiple: 16,
  minSize: 16,
  maxSize: 2048,
  minFrames: 1,
  maxFrames: 241,
  minFps: 1,
  maxFps: 60,
  minSteps: 1,
  maxSteps: 100,
  minGuidance: 1,
  maxGuidance: 20,
  maxSeed: 4_294_967_295,
  webhookUrlMaxChars: 2048,
  maxTemplateVariables: 16,
  templateValueMaxChars: 200,
  maxMetadataKeys: 16,
} as const;

export const SCHEDULERS = ["unipc", "euler"] as const;
export const Scheduler = z.enum(SCHEDULERS, { error: `scheduler must be one of ${SCHEDULERS.join(", ")}` });

/** Downloadable renditions of a finished video. `frames` is a ZIP-free PNG sequence on the CLI only. */
export const VARIANTS = ["mp4", "webm", "gif", "poster"] as const;
export const Variant = z.enum(VARIANTS, { error: `variant must be one of ${VARIANTS.join(", ")}` }).openapi("Variant");
export type Variant = z.infer<typeof Variant>;

export const VARIANT_CONTENT_TYPES: Record<Variant, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  gif: "image/gif",
  poster: "image/png",
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is to reject control characters
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function textField(name: string, max: number, min: number) {
  return z
    .string({ error: `${name} must be a string` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${name} must not contain control characters` })
    .superRefine((s, ctx) => {
      const hidden = findHiddenCharacter(s);
      if (!hidden) return;
      ctx.addIssue({
        code: "custom",
        params: { rule: "hidden_character" },
        message: `${name} contains an invisible or direction-control character ${hidden.codePoint} (${hidden.name}) at position ${hidden.index}; remove it`,
      });
    })
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(min, { error: `${name} must not be empty` })
        .max(max, { error: (i) => `${name} must be at most ${max} characters (got ${String(i.input).length})` }),
    );
}

export const Prompt = textField("prompt", LIMITS.promptMaxChars, 1).openapi({
  description: `What to show, in plain words; at most ${LIMITS.promptMaxChars} characters.`,
  example: "A yellow ball rolls from the left edge to the center while a blue cube stays on the right.",
});
export const NegativePrompt = textField("negative_prompt", LIMITS.negativePromptMaxChars, 0).openapi({
  description: "What to steer away from (classifier-free guidance's unconditional branch).",
});

function sizeField(name: "width" | "height") {
  return z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be an integer` })
    .min(LIMITS.minSize, { error: (i) => `${name} must be at least ${LIMITS.minSize} (got ${String(i.input)})` })
    .max(LIMITS.maxSize, { error: (i) => `${name} must be at most ${LIMITS.maxSize} (got ${String(i.input)})` })
    .multipleOf(LIMITS.sizeMultiple, {
      error: (i) => `${name} must be a multiple of ${LIMITS.sizeMultiple} (got ${String(i.input)})`,
    })
    .openapi({ description: `Pixels; a multiple of ${LIMITS.sizeMultiple}; the model may allow fewer sizes.` });
}
export const Width = sizeField("width");
export const Height = sizeField("height");

function intRange(name: string, min: number, max: number, description: string) {
  return z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be an integer` })
    .min(min, { error: (i) => `${name} must be at least ${min} (got ${String(i.input)})` })
    .max(max, { error: (i) => `${name} must be at most ${max} (got ${String(i.input)})` })
    .openapi({ description });
}

export const NumFrames = intRange("num_frames", LIMITS.minFrames, LIMITS.maxFrames, "Frames in the clip.");
export const Fps = intRange("fps", LIMITS.minFps, LIMITS.maxFps, "Frames per second of the encoded video.");
export const Steps = intRange(
  "num_inference_steps",
  LIMITS.minSteps,
  LIMITS.maxSteps,
  "Denoising steps: more is slower and usually cleaner.",
);
export const Seed = intRange(
  "seed",
  0,
  LIMITS.maxSeed,
  "Unsigned 32-bit seed. Same model + parameters + seed give identical frames. Omitted: a random seed, recorded on the job.",
);
export const GuidanceScale = z
  .number({ error: "guidance_scale must be a number" })
  .min(LIMITS.minGuidance, {
    error: (i) => `guidance_scale must be at least ${LIMITS.minGuidance} (got ${String(i.input)})`,
  })
  .max(LIMITS.maxGuidance, {
    error: (i) => `guidance_scale must be at most ${LIMITS.maxGuidance} (got ${String(i.input)})`,
  })
  .openapi({ description: "Classifier-free guidance scale; 1 disables the unconditional pass." });

/** A model id: lowercase, the `model_id` of its package's model_index.json. */
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const ModelId = z
  .string()
  .regex(MODEL_ID_PATTERN, { error: "model must be a lowercase model id such as shape-world-tiny" })
  .openapi({ example: "shape-world-tiny" });

/** Loopback is refused by the edge unless its dev config allows it; the SSRF guard lives in the edge. */
export const WebhookUrl = z
  .string({ error: "webhook_url must be a string" })
  .max(LIMITS.webhookUrlMaxChars, { error: `webhook_url must be at most ${LIMITS.webhookUrlMaxChars} characters` })
  .url({ error: "webhook_url must be an absolute URL" })
  .refine((u) => /^https?:\/\//i.test(u), { error: "webhook_url must use https (http only in local dev)" })
  .openapi({ example: "https://example.com/hooks/sketchreel" });

export const TemplateValue = z.union([
  z.string().max(LIMITS.templateValueMaxChars, {
    error: `template variables must be at most ${LIMITS.templateValueMaxChars} characters`,
  }),
  z.number(),
]);

const resolvedParamsShape = {
  width: Width,
  height: Height,
  num_frames: NumFrames,
  fps: Fps,
  num_inference_steps: Steps,
  guidance_scale: GuidanceScale,
  seed: Seed,
  scheduler: Scheduler,
};

/** Fully resolved parameters: what a runner executes and what the cache key hashes. */
export const ResolvedParams = z.object(resolvedParamsShape).openapi("ResolvedParams");
export type ResolvedParams = z.infer<typeof ResolvedParams>;

/**
 * The one request shape from the edge to the runner: every parameter fixed, plus the texts. The edge
 * resolves it, a lease carries it (as `prompt`, `negative_prompt`, `params`), the pipeline runs it.
 */
export const GenerationRequest = z.object({ prompt: Prompt, negative_prompt: NegativePrompt, ...resolvedParamsShape });
export type GenerationRequest = z.infer<typeof GenerationRequest>;
