import { parseArgs } from "node:util";
import type { FieldError } from "@sketchreel/contract";
import type { GenerateRequest } from "@sketchreel/pipeline";
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

const OPTIONS = {
  seed: { type: "string" },
  steps: { type: "string" },
  guidance: { type: "string" },
  frames: { type: "string" },
  fps: { type: "string" },
  size: { type: "string" },
  negative: { type: "string" },
  scheduler: { type: "string" },
  model: { type: "string" },
  device: { type: "string" },
  threads: { type: "string" },
  output: { type: "string", short: "o" },
  json: { type: "boolean", default: false },
} as const;

/** Parses argv; every problem is collected, each naming its flag, value and rule. */
export function parseGenerateArgs(argv: string[]): GenerateArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: v, positionals } = parsed;
  const errors: FieldError[] = [];
  const fail = (field: string, rule: string, message: string) => errors.push({ field, rule, message });

  if (positionals.length !== 1) {
    fail("prompt", "required", `give exactly one quoted prompt (got ${positionals.length} positional arguments)`);
  }
  if (!v.output)
    fail("output", "required", "-o OUT is required (.mp4, .webm, .gif, .png or a directory for PNG frames)");
  const num = (flag: string, field: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const value = raw.trim() === "" ? Number.NaN : Number(raw);
    if (Number.isNaN(value)) fail(field, "type", `--${flag} must be a number (got ${JSON.stringify(raw)})`);
    return value;
  };
  const request: GenerateRequest = { prompt: positionals[0] ?? "" };
  const set = <K extends keyof GenerateRequest>(key: K, value: GenerateRequest[K] | undefined) => {
    if (value !== undefined) request[key] = value;
  };
  set("seed", num("seed", "seed", v.seed));
  set("num_inference_steps", num("steps", "num_inference_steps", v.steps));
  set("guidance_scale", num("guidance", "guidance_scale", v.guidance));
  set("num_frames", num("frames", "num_frames", v.frames));
  set("fps", num("fps", "fps", v.fps));
  set("negative_prompt", v.negative);
  set("scheduler", v.scheduler as GenerateRequest["scheduler"]);
  if (v.size !== undefined) {
    const match = /^(\d+)x(\d+)$/i.exec(v.size.trim());
    if (!match) fail("size", "format", `--size must be WxH, e.g. 64x64 (got ${JSON.stringify(v.size)})`);
    else {
      request.width = Number(match[1]);
      request.height = Number(match[2]);
    }
  }
  const threads = num("threads", "threads", v.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) {
    fail("threads", "minimum", `--threads must be an integer >= 0 (got ${v.threads})`);
  }
  if (errors.length > 0) throw new UsageError(errors);
  return {
    request,
    output: v.output!,
    modelDir: v.model,
    device: v.device,
    threads,
    json: v.json,
  };
}
