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
  /**
   * The longest one job may run, in seconds: the runner stops a job at this point (`job_timeout`),
   * and the edge extends its lease no further. Absent: 600.
   */
  max_job_seconds: positiveInt.optional(),
});

/** How frames and pixels map to latents, as far as it limits sizes and frame counts. */
export const LatentRules = z
  .object({
    /** The VAE's spatial factor. Under the "compress" rule latent h = height / spatial_compression: sizes must divide by it. */
    spatial_compression: positiveInt,
    temporal_compression: positiveInt.default(1),
    /** "divide": latent frames = frames / t. "causal" (Wan): (frames − 1) / t + 1, so frames = t·k + 1. */
    temporal_rule: z.enum(["divide", "causal"]).default("divide"),
    /**
     * "compress": latent h × w = height / spatial_compression × width / spatial_compression.
     * "grid": one latent grid per aspect ratio, which the decoder upsamples to the asked size: the
     * shorter side gets `grid_short_side` cells, the longer side round(grid_short_side × long / short).
     */
    spatial_rule: z.enum(["compress", "grid"]).default("compress"),
    /** Cells on the shorter side under the "grid" rule (required there, unused otherwise). */
    grid_short_side: positiveInt.optional(),
  })
  .superRefine((latent, ctx) => {
    if (latent.spatial_rule === "grid" && latent.grid_short_side === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["grid_short_side"],
        message: 'grid_short_side (an integer ≥ 1) is required when spatial_rule is "grid"',
      });
    }
  });

const words = z.array(z.string().min(1));

/** The words (or phrases) a closed vocabulary knows, by their role in a prompt. World v1 has no counts or formations. */
export const VocabularyRoles = z.object({
  shapes: words.default([]),
  colors: words.default([]),
  places: words.default([]),
  verbs: words.default([]),
  relations: words.default([]),
  /** Number words before a plural shape ("three balls"); how many each means is in `count_values`. */
  counts: words.default([]),
  /** Group arrangements ("in a row"); their words never count as objects. */
  formations: words.default([]),
});
const noRoles = () => ({ shapes: [], colors: [], places: [], verbs: [], relations: [], counts: [], formations: [] });

/**
 * What prompts a model can draw. A closed vocabulary (the embedded model's) makes the edge, the
 * CLI and the runner refuse any prompt with a word outside it, more objects than `max_objects`, more
 * separately named things than `max_things` or more tokens than `max_tokens` (`checkPromptVocabulary` in @sketchreel/prompts). An open one (a real
 * Wan2.2 export) — or `"vocabulary": null` — turns that gate off.
 */
export const ModelVocabulary = z
  .object({
    /** The prompt grammar for lint advice beyond the words ("shape-world"). */
    grammar: z.string().min(1).optional(),
    closed: z.boolean(),
    /** Most objects one prompt may name (a group of three counts three). */
    max_objects: positiveInt.optional(),
    /** Most separately named things (a single object or a group) one prompt may name. */
    max_things: positiveInt.optional(),
    /** The tokenizer's length: tokens beyond it would be cut. */
    max_tokens: positiveInt.optional(),
    roles: VocabularyRoles.default(noRoles),
    count_values: z.record(z.string(), positiveInt).default({}),
    /** Words outside the vocabulary → the known words to suggest instead ("pink" → ["red"]). */
    synonyms: z.record(z.string(), words).default({}),
    /** Articles, prepositions, joiners and punctuation the tokenizer knows. */
    function_words: words.default([]),
  })
  .superRefine((v, ctx) => {
    for (const word of v.roles.counts) {
      if (!Object.hasOwn(v.count_values, word)) {
        ctx.addIssue({
          code: "custom",
          path: ["count_values"],
          message: `count_values lacks the count word "${word}"`,
        });
      }
    }
  })
  .openapi("ModelVocabulary");
export type ModelVocabulary = z.output<typeof ModelVocabulary>;

/**
 * The part of a model package's `model_index.json` (packages/pipeline/MODEL-PACKAGE.md) that the
 * edge and the pipeline share: identity, defaults, limits, vocabulary. The pipeline extends it with the
 * runner-only parts (components, latent channels); the edge's catalog is generated from it.
 */
export const ModelCapabilities = z.object({
  model_id: z.string().regex(MODEL_ID_PATTERN, { error: "model_id must be a lowercase id" }),
  /** Part of every cache key: bump it and cached results are invalidated. */
  model_version: z.string().min(1),
  defaults: ModelDefaults,
  limits: ModelLimits.default({}),
  latent: LatentRules,
  /** One line for people choosing a model. */
  description: z.string().default(""),
  /** Prompts the model draws well, the best first. */
  examples: z.array(z.string().min(1)).default([]),
  /** What prompts it can draw; `null` (or `closed: false`): anything, no vocabulary gate. */
  vocabulary: ModelVocabulary.nullable().default(null),
});
export type ModelCapabilities = z.output<typeof ModelCapabilities>;
