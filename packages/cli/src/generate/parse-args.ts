import type { FieldError } from "@sketchreel/contract";
import type { GenerateRequest } from "@sketchreel/pipeline";
import { type GenerationFlags, readGenerationParams } from "../generation-flags.js";
import { UsageError } from "../usage-error.js";

/** What `sketchreel generate` was asked for, before the pipeline checks it against the model. */
export interface GenerateArgs {
  request: GenerateRequest;
  output: string;
  modelDir: string | undefined;
  device: string | undefined;
  threads: number | undefined;
  json: boolean;
}

/** The flags of `sketchreel generate` as commander parsed them. */
export interface GenerateFlags extends GenerationFlags {
  model?: string;
  device?: string;
  threads?: string;
  output?: string;
  json?: boolean;
}

/** Checks the prompt and flags; every problem is collected, each naming its flag, value and rule. */
export function readGenerateArgs(prompt: string, flags: GenerateFlags): GenerateArgs {
  const errors: FieldError[] = [];
  const fail = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  if (!flags.output) {
    fail("output", "required", "-o OUT is required (.mp4, .webm, .gif, .png or a directory for PNG frames)");
  }
  const request: GenerateRequest = { prompt, ...readGenerationParams(flags, errors) };
  let threads: number | undefined;
  if (flags.threads !== undefined) {
    threads = Number(flags.threads);
    if (!(flags.threads.trim() !== "" && Number.isInteger(threads) && threads >= 0)) {
      fail("threads", "minimum", `--threads must be an integer >= 0 (got ${flags.threads})`);
    }
  }
  if (errors.length > 0) throw new UsageError(errors);
  return {
    request,
    output: flags.output!,
    modelDir: flags.model,
    device: flags.device,
    threads,
    json: flags.json === true,
  };
}
