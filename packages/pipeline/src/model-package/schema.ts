import { LatentRules, ModelCapabilities } from "@sketchreel/contract";
import { z } from "zod";

/**
 * The model package contract, v1 (packages/pipeline/MODEL-PACKAGE.md): every file the pipeline reads.
 * model_index.json is the contract's `ModelCapabilities` (shared with the edge) plus the runner-only parts.
 */
const positiveInt = z.number().int().positive();

export const ModelIndex = ModelCapabilities.extend({
  format_version: z.literal(1, { error: "format_version must be 1" }),
  components: z.object({
    tokenizer: z.string().default("tokenizer"),
    text_encoder: z.string().default("text_encoder"),
    transformer: z.string().optional(),
    unet: z.string().optional(),
    vae_decoder: z.string().default("vae_decoder"),
    scheduler: z.string().default("scheduler"),
    /** Optional: a graph run once per request between the text encoder and the transformer (MODEL-PACKAGE.md). */
    conditioner: z.string().optional(),
  }),
  latent: LatentRules.safeExtend({ channels: positiveInt }),
});
export type ModelIndex = z.infer<typeof ModelIndex>;

/** Loose: the tokenizer library reads more keys (unk_token, special tokens) than the pipeline does. */
export const TokenizerConfig = z.looseObject({
  model_max_length: positiveInt.optional(),
  pad_token: z.string().optional(),
  padding_side: z.enum(["right", "left"]).default("right"),
});

export const TextEncoderConfig = z.object({
  hidden_size: positiveInt,
  max_length: positiveInt,
  output_length: positiveInt.optional(),
});

export const TransformerConfig = z.object({
  in_channels: positiveInt,
  out_channels: positiveInt,
  patch_size: z.array(positiveInt).optional(),
  text_dim: positiveInt.optional(),
  num_train_timesteps: positiveInt.default(1000),
});

export const VaeDecoderConfig = z.object({
  latent_channels: positiveInt,
  scale_factor_spatial: positiveInt,
  scale_factor_temporal: positiveInt.default(1),
  latents_mean: z.array(z.number()),
  latents_std: z.array(z.number().positive({ error: "latents_std values must be > 0" })),
});

export const SchedulerConfig = z.object({
  _class_name: z.string().optional(),
  num_train_timesteps: positiveInt.default(1000),
  prediction_type: z
    .literal("flow_prediction", { error: "prediction_type must be flow_prediction" })
    .default("flow_prediction"),
  flow_shift: z.number().positive().optional(),
  shift: z.number().positive().optional(),
  solver_order: z.number().int().min(1).max(3).default(2),
  solver_type: z.enum(["bh2", "bh1"]).default("bh2"),
  lower_order_final: z.boolean().default(true),
  final_sigmas_type: z.literal("zero", { error: 'final_sigmas_type must be "zero"' }).default("zero"),
});
export type SchedulerConfig = z.infer<typeof SchedulerConfig>;
