import {
  type FieldError,
  Fps,
  GuidanceScale,
  Height,
  NegativePrompt,
  NumFrames,
  Prompt,
  type ResolvedParams,
  Scheduler,
  Seed,
  Steps,
  toFieldErrors,
  Width,
} from "@sketchreel/contract";
import { z } from "zod";
import { InvalidParamsError } from "../errors.js";
import type { ModelIndex } from "../model-package/schema.js";

/** What a caller asks for; anything left out takes the model's default (`model_index.json`). */
export interface GenerateRequest {
  prompt: string;
  negative_prompt?: string;
  width?: number;
  height?: number;
  num_frames?: number;
  fps?: number;
  num_inference_steps?: number;
  guidance_scale?: number;
  /** Unsigned 32-bit; omitted → a random seed, reported back. */
  seed?: number;
  scheduler?: "unipc" | "euler";
}

/** Every parameter fixed: what the pipeline runs and what `--json` and the runner report. */
export interface ResolvedRequest extends ResolvedParams {
  prompt: string;
  negative_prompt: string;
}

const RequestRules = z.object({
  prompt: Prompt,
  negative_prompt: NegativePrompt,
  width: Width,
  height: Height,
  num_frames: NumFrames,
  fps: Fps,
  num_inference_steps: Steps,
  guidance_scale: GuidanceScale,
  seed: Seed,
  scheduler: Scheduler,
});

/**
 * Stage 1: fills defaults, then checks the contract's rules (the same zod schemas as the API) and the
 * model's declared limits. Throws `InvalidParamsError` naming every offending field, value and rule.
 */
export function checkInputs(request: GenerateRequest, model: ModelIndex, randomSeed: () => number): ResolvedRequest {
  const d = model.defaults;
  const input = {
    prompt: request.prompt,
    negative_prompt: request.negative_prompt ?? d.negative_prompt,
    width: request.width ?? d.width,
    height: request.height ?? d.height,
    num_frames: request.num_frames ?? d.num_frames,
    fps: request.fps ?? d.fps,
    num_inference_steps: request.num_inference_steps ?? d.num_inference_steps,
    guidance_scale: request.guidance_scale ?? d.guidance_scale,
    seed: request.seed ?? randomSeed(),
    scheduler: request.scheduler ?? d.scheduler,
  };
  const parsed = RequestRules.safeParse(input);
  if (!parsed.success) throw new InvalidParamsError(toFieldErrors(parsed.error, input));
  const errors = modelLimitErrors(parsed.data, model);
  if (errors.length > 0) throw new InvalidParamsError(errors);
  return parsed.data;
}

function modelLimitErrors(p: ResolvedRequest, model: ModelIndex): FieldError[] {
  const errors: FieldError[] = [];
  const { limits, latent, model_id: id } = model;
  const fail = (field: string, rule: string, message: string) =>
    errors.push({ field, rule, message: `${message} for model ${id}` });

  if (limits.sizes && !limits.sizes.some(([w, h]) => w === p.width && h === p.height)) {
    const allowed = limits.sizes.map(([w, h]) => `${w}x${h}`).join(", ");
    fail("width", "model_sizes", `size ${p.width}x${p.height} is not supported (allowed: ${allowed})`);
  }
  for (const field of ["width", "height"] as const) {
    const value = p[field];
    if (limits.min_size !== undefined && value < limits.min_size)
      fail(field, "minimum", `${field} must be at least ${limits.min_size} (got ${value})`);
    if (limits.max_size !== undefined && value > limits.max_size)
      fail(field, "maximum", `${field} must be at most ${limits.max_size} (got ${value})`);
    const multiple = Math.max(limits.size_multiple ?? 1, latent.spatial_compression);
    if (value % multiple !== 0) fail(field, "multiple_of", `${field} must be a multiple of ${multiple} (got ${value})`);
  }
  const frames = p.num_frames;
  if (limits.min_frames !== undefined && frames < limits.min_frames)
    fail("num_frames", "minimum", `num_frames must be at least ${limits.min_frames} (got ${frames})`);
  if (limits.max_frames !== undefined && frames > limits.max_frames)
    fail("num_frames", "maximum", `num_frames must be at most ${limits.max_frames} (got ${frames})`);
  const t = latent.temporal_compression;
  if (latent.temporal_rule === "causal" && (frames - 1) % t !== 0)
    fail("num_frames", "temporal_compression", `num_frames must be ${t}·k + 1 (got ${frames})`);
  const frameMultiple = latent.temporal_rule === "divide" ? Math.max(limits.frames_multiple ?? 1, t) : 1;
  if (frames % frameMultiple !== 0)
    fail("num_frames", "multiple_of", `num_frames must be a multiple of ${frameMultiple} (got ${frames})`);
  if (limits.max_steps !== undefined && p.num_inference_steps > limits.max_steps)
    fail(
      "num_inference_steps",
      "maximum",
      `num_inference_steps must be at most ${limits.max_steps} (got ${p.num_inference_steps})`,
    );
  return errors;
}
