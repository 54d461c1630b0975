import type { FieldError, ResolvedParams } from "@sketchreel/contract";
import type { ModelEntry } from "../models.js";

/** Check resolved parameters against a model's limits; each error names the field and the allowed values. */
export function checkModelLimits(model: ModelEntry, p: ResolvedParams): FieldError[] {
  const { limits } = model;
  const id = model.model_id;
  const errors: FieldError[] = [];
  const add = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  if (limits.sizes && !limits.sizes.some(([w, h]) => w === p.width && h === p.height)) {
    const allowed = limits.sizes.map(([w, h]) => `${w}x${h}`).join(", ");
    const field = limits.sizes.some(([w]) => w === p.width) ? "height" : "width";
    add(field, "model_size", `${id} supports sizes ${allowed} only (got ${p.width}x${p.height})`);
  }
  for (const field of ["width", "height"] as const) {
    const v = p[field];
    if (v < limits.min_size || v > limits.max_size) {
      add(
        field,
        "model_range",
        `${field} must be between ${limits.min_size} and ${limits.max_size} for ${id} (got ${v})`,
      );
    } else if (v % limits.size_multiple !== 0) {
      add(field, "multiple_of", `${field} must be a multiple of ${limits.size_multiple} for ${id} (got ${v})`);
    }
  }
  if (p.num_frames < limits.min_frames || p.num_frames > limits.max_frames) {
    const range =
      limits.min_frames === limits.max_frames
        ? `${limits.min_frames}`
        : `between ${limits.min_frames} and ${limits.max_frames}`;
    add("num_frames", "model_range", `num_frames must be ${range} for ${id} (got ${p.num_frames})`);
  } else if (limits.frames_multiple && p.num_frames % limits.frames_multiple !== 0) {
    add(
      "num_frames",
      "multiple_of",
      `num_frames must be a multiple of ${limits.frames_multiple} for ${id} (got ${p.num_frames})`,
    );
  }
  if (p.num_inference_steps > limits.max_steps) {
    add(
      "num_inference_steps",
      "maximum",
      `num_inference_steps must be at most ${limits.max_steps} for ${id} (got ${p.num_inference_steps})`,
    );
  }
  return errors;
}
