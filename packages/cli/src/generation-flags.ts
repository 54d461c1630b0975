import type { FieldError } from "@sketchreel/contract";
import type { Command } from "commander";

/** The parameters `generate` (in-process) and `videos create` (through the API) share, as both name them. */
export interface GenerationParams {
  seed?: number;
  num_inference_steps?: number;
  guidance_scale?: number;
  num_frames?: number;
  fps?: number;
  width?: number;
  height?: number;
  negative_prompt?: string;
  scheduler?: "unipc" | "euler";
}

/** What commander parsed for those flags: strings, checked by `readGenerationParams`. */
export interface GenerationFlags {
  seed?: string;
  steps?: string;
  guidance?: string;
  frames?: string;
  fps?: string;
  size?: string;
  negative?: string;
  scheduler?: string;
}

/** Declares the generation flags; defaults come from the model (its model_index.json, or the API's). */
export function addGenerationOptions(command: Command): Command {
  return command
    .option("--seed <n>", "unsigned 32-bit seed; same seed, same frames (default: random, reported)")
    .option("--steps <n>", "denoising steps")
    .option("--guidance <g>", "classifier-free guidance scale, 1 = no unconditional pass")
    .option("--frames <n>", "frames in the clip")
    .option("--fps <n>", "frames per second of the encoded video")
    .option("--size <WxH>", "width x height, e.g. 64x64")
    .option("--negative <text>", "negative prompt")
    .option("--scheduler <name>", "unipc | euler");
}

/**
 * Reads the generation flags into request fields. Every problem is pushed to `errors`, naming the
 * flag, the value and the rule; the model (or the API) checks the ranges.
 */
export function readGenerationParams(flags: GenerationFlags, errors: FieldError[]): GenerationParams {
  const fail = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  const num = (flag: string, field: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const value = raw.trim() === "" ? Number.NaN : Number(raw);
    if (Number.isNaN(value)) fail(field, "type", `--${flag} must be a number (got ${JSON.stringify(raw)})`);
    return value;
  };
  const params: GenerationParams = {};
  const set = <K extends keyof GenerationParams>(key: K, value: GenerationParams[K] | undefined) => {
    if (value !== undefined) params[key] = value;
  };
  set("seed", num("seed", "seed", flags.seed));
  set("num_inference_steps", num("steps", "num_inference_steps", flags.steps));
  set("guidance_scale", num("guidance", "guidance_scale", flags.guidance));
  set("num_frames", num("frames", "num_frames", flags.frames));
  set("fps", num("fps", "fps", flags.fps));
  set("negative_prompt", flags.negative);
  set("scheduler", flags.scheduler as GenerationParams["scheduler"]);
  if (flags.size !== undefined) {
    const match = /^(\d+)x(\d+)$/i.exec(flags.size.trim());
    if (!match) fail("size", "format", `--size must be WxH, e.g. 64x64 (got ${JSON.stringify(flags.size)})`);
    else {
      params.width = Number(match[1]);
      params.height = Number(match[2]);
    }
  }
  return params;
}
