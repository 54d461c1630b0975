import { z } from "@hono/zod-openapi";
import { GenerationRequest, MODEL_ID_PATTERN, NegativePrompt, Scheduler } from "./params.js";

const positiveInt = z.number().int().positive();

/** A model's defaults: a whole generation request but the prompt and the seed. */
export const ModelDefaults = GenerationRequest.omit({ prompt: true, seed: true }).extend({
  negative_prompt: NegativePrompt.default(""),
  scheduler: Scheduler.default("unipc"),
});

/** What a model accepts, narrowing the contract's own rules (`LIMITS`); every key is optional. */
export const ModelLimits = z.object({
  /** Allowed [width, height] pairs; or use the min/max below. */
  sizes: z.array(z.tuple([positiveInt, positiveInt])).optional(),
  min_size: positiveInt.optional(),
  max_size: positiveInt.optional(),
  size_multiple: positiveInt.optional(),
  min_frames: positiveInt.optional(),
  max_frames: positiveInt.optional(),
  frames_multiple: positiveInt.optional(),
  max_steps: positiveInt.optional(),
});

/** How frames and pixels map to latents, as far as it limits sizes and frame counts. */
export const LatentRules = z.object({
  /** Latent height = height / spatial_compression: sizes must divide by it. */
  spatial_compression: positiveInt,
  temporal_compression: positiveInt.default(1),
  /** "divide": latent frames = frames / t. "causal" (Wan): (frames − 1) / t + 1, so frames = t·k + 1. */
  temporal_rule: z.enum(["divide", "causal"]).default("divide"),
});

/**
 * The part of a model package's `model_index.json` (packages/pipeline/MODEL-PACKAGE.md) that the
 * edge and the pipeline share: identity, defaults, limits. The pipeline extends it with the
 * runner-only parts (components, latent channels); the edge's catalog is generated from it.
 */
export const ModelCapabilities = z.object({
  model_id: z.string().regex(MODEL_ID_PATTERN, { error: "model_id must be a lowercase id" }),
  /** Part of every cache key: bump it and cached results are invalidated. */
  model_version: z.string().min(1),
  defaults: ModelDefaults,
  limits: ModelLimits.default({}),
  latent: LatentRules,
  /** Which prompt grammar the model understands (the lint's vocabulary). */
  vocabulary: z.string().optional(),
});
export type ModelCapabilities = z.output<typeof ModelCapabilities>;
