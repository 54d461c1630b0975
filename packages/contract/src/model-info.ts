import { z } from "@hono/zod-openapi";
import { sizeMultiple, supportedFrameCounts } from "./model-limits.js";
import { type ModelCapabilities, ModelVocabulary } from "./models.js";
import { LIMITS, ModelId, ResolvedParams } from "./params.js";

const Size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
const Range = (description: string) =>
  z.object({ min: z.number(), max: z.number(), default: z.number() }).openapi({ description });

/** What a served model can make, as `GET /v1/models` shows it: read from its package's model_index.json. */
export const Model = z
  .object({
    object: z.literal("model"),
    id: ModelId,
    version: z.string().openapi({ description: "Part of every cache key.", example: "3.2.0" }),
    description: z.string(),
    default: z.boolean().openapi({ description: "The model a request without `model` gets." }),
    sizes: z
      .array(Size)
      .nullable()
      .openapi({
        description: "Every supported width × height; `null`: any size in `size_range`.",
        example: [
          { width: 64, height: 64 },
          { width: 128, height: 128 },
          { width: 256, height: 256 },
          { width: 256, height: 144 },
        ],
      }),
    size_range: z
      .object({ min: z.number().int(), max: z.number().int(), multiple: z.number().int() })
      .openapi({ description: "Bounds and step of width and height." }),
    frame_counts: z
      .array(z.number().int())
      .openapi({ description: "Every supported `num_frames`.", example: [8, 16, 24, 32] }),
    durations: z
      .array(z.number())
      .openapi({ description: "Seconds of each of `frame_counts` at the model's `fps`.", example: [1, 2, 3, 4] }),
    fps: z.number().int().openapi({ description: "Frames per second the model was made for.", example: 8 }),
    steps: Range("`num_inference_steps`: bounds and default."),
    guidance_scale: Range("`guidance_scale`: bounds and default."),
    defaults: ResolvedParams.omit({ seed: true }),
    /** What prompts it can draw. Closed: a prompt outside it is refused (422 `prompt_out_of_vocabulary`). */
    vocabulary: ModelVocabulary.nullable(),
    examples: z.array(z.string()).openapi({ description: "Prompts the model draws well, the best first." }),
  })
  .openapi("Model");
export type Model = z.infer<typeof Model>;

export const ModelList = z.object({ object: z.literal("list"), data: z.array(Model) }).openapi("ModelList");
export type ModelList = z.infer<typeof ModelList>;

/** The public description of a model package (`isDefault`: served to requests without `model`). */
export function describeModel(model: ModelCapabilities, isDefault: boolean): Model {
  const { limits, defaults } = model;
  const { negative_prompt: _negative, ...params } = defaults;
  const frameCounts = supportedFrameCounts(model);
  return {
    object: "model",
    id: model.model_id,
    version: model.model_version,
    description: model.description,
    default: isDefault,
    sizes: limits.sizes?.map(([width, height]) => ({ width, height })) ?? null,
    size_range: {
      min: limits.min_size ?? LIMITS.minSize,
      max: limits.max_size ?? LIMITS.maxSize,
      multiple: sizeMultiple(model),
    },
    frame_counts: frameCounts,
    durations: frameCounts.map((n) => Math.round((n / defaults.fps) * 1000) / 1000),
    fps: defaults.fps,
    steps: {
      min: LIMITS.minSteps,
      max: limits.max_steps ?? LIMITS.maxSteps,
      default: defaults.num_inference_steps,
    },
    guidance_scale: { min: LIMITS.minGuidance, max: LIMITS.maxGuidance, default: defaults.guidance_scale },
    defaults: params,
    vocabulary: model.vocabulary,
    examples: model.examples,
  };
}
