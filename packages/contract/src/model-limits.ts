import type { ModelCapabilities } from "./models.js";
import { LIMITS, type ResolvedParams } from "./params.js";
import type { FieldError } from "./problem.js";

type Fail = (field: string, rule: string, message: string) => void;

/**
 * Check parameters against a model's limits and latent rules: the one check that the edge runs
 * before admitting (and charging) a job and the pipeline runs in stage 1. Every error names the
 * field, the rule and the allowed values (the supported frame counts too, when there are a few).
 */
export function checkModelLimits(
  model: ModelCapabilities,
  p: Pick<ResolvedParams, "width" | "height" | "num_frames" | "num_inference_steps">,
): FieldError[] {
  const { limits, model_id: id } = model;
  const errors: FieldError[] = [];
  const fail: Fail = (field, rule, message) => errors.push({ field, rule, message: `${message} for model ${id}` });

  if (limits.sizes && !limits.sizes.some(([w, h]) => w === p.width && h === p.height)) {
    const allowed = limits.sizes.map(([w, h]) => `${w}x${h}`).join(", ");
    fail("width", "model_sizes", `size ${p.width}x${p.height} is not supported (allowed: ${allowed})`);
  }
  for (const field of ["width", "height"] as const) {
    checkRange(field, p[field], limits.min_size, limits.max_size, fail);
    checkMultiple(field, p[field], sizeMultiple(model), fail);
  }

  const frameErrors = errors.length;
  checkFrames(model, p.num_frames, fail);
  if (errors.length > frameErrors) listSupportedFrameCounts(model, errors.slice(frameErrors));

  checkRange("num_inference_steps", p.num_inference_steps, undefined, limits.max_steps, fail);
  return errors;
}

/**
 * What width and height must divide by: the contract's multiple, the model's and, under the "compress"
 * latent rule, its VAE's compression (under "grid" the latent grid does not depend on the pixel size).
 */
export function sizeMultiple(model: ModelCapabilities): number {
  const { spatial_rule, spatial_compression } = model.latent;
  const vae = spatial_rule === "grid" ? 1 : spatial_compression;
  return lcm(lcm(model.limits.size_multiple ?? 1, vae), LIMITS.sizeMultiple);
}

/** Up to this many supported frame counts are listed in an error message. */
const MAX_LISTED_FRAME_COUNTS = 16;

/** Appends the supported frame counts to the frame errors, when there is a choice and it is short. */
function listSupportedFrameCounts(model: ModelCapabilities, frameErrors: FieldError[]) {
  const supported = supportedFrameCounts(model);
  if (supported.length < 2 || supported.length > MAX_LISTED_FRAME_COUNTS) return;
  for (const e of frameErrors) e.message += ` (supported: ${supported.join(", ")})`;
}

/** Every frame count the model accepts, ascending: its limits, its multiple and its VAE's temporal rule. */
export function supportedFrameCounts(model: ModelCapabilities): number[] {
  const min = model.limits.min_frames ?? LIMITS.minFrames;
  const max = model.limits.max_frames ?? LIMITS.maxFrames;
  const counts: number[] = [];
  for (let n = min; n <= max; n++) {
    let ok = true;
    checkFrames(model, n, () => {
      ok = false;
    });
    if (ok) counts.push(n);
  }
  return counts;
}

function checkFrames(model: ModelCapabilities, frames: number, fail: Fail) {
  const { limits, latent } = model;
  const t = latent.temporal_compression;
  checkRange("num_frames", frames, limits.min_frames, limits.max_frames, fail);
  if (latent.temporal_rule === "causal" && (frames - 1) % t !== 0) {
    fail("num_frames", "temporal_compression", `num_frames must be ${t}·k + 1 (got ${frames})`);
  }
  const framesMultiple = lcm(limits.frames_multiple ?? 1, latent.temporal_rule === "divide" ? t : 1);
  checkMultiple("num_frames", frames, framesMultiple, fail);
}

function checkRange(field: string, value: number, min: number | undefined, max: number | undefined, fail: Fail) {
  if (min !== undefined && min === max && value !== min) {
    fail(field, value < min ? "minimum" : "maximum", `${field} must be ${min} (got ${value})`);
  } else if (min !== undefined && value < min) {
    fail(field, "minimum", `${field} must be at least ${min} (got ${value})`);
  } else if (max !== undefined && value > max) {
    fail(field, "maximum", `${field} must be at most ${max} (got ${value})`);
  }
}

function checkMultiple(field: string, value: number, multiple: number, fail: Fail) {
  if (value % multiple !== 0) fail(field, "multiple_of", `${field} must be a multiple of ${multiple} (got ${value})`);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
