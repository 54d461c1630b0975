import { extname } from "node:path";
import type { FieldError } from "@sketchreel/contract";
import type { CreateVideoParams, Sketchreel, Variant } from "@sketchreel/sdk";
import { type GenerationFlags, readGenerationParams } from "../generation-flags.js";
import type { ApiFlags } from "../remote/api-options.js";
import { VARIANTS } from "../remote/choices.js";
import { downloadVariant, EXTENSIONS } from "../remote/download.js";
import type { RemoteState } from "../remote/run-remote.js";
import { UsageError } from "../usage-error.js";
import { printVideo, readTimeout, waitOptions } from "./wait-for-video.js";

/** The flags of `sketchreel videos create`, as commander parsed them. */
export interface CreateFlags extends GenerationFlags, ApiFlags {
  template?: string;
  var?: string[];
  model?: string;
  outputs?: string;
  webhookUrl?: string;
  metadata?: string[];
  idempotencyKey?: string;
  wait?: boolean;
  timeout?: string;
  output?: string;
  json?: boolean;
}

/** `name=value` pairs; each problem names the flag and the pair. */
function pairs(flag: string, raw: string[] | undefined, errors: FieldError[]): Record<string, string> | undefined {
  if (!raw) return undefined;
  const entries = raw.map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1)
      errors.push({
        field: flag,
        rule: "format",
        message: `--${flag} must be NAME=VALUE (got ${JSON.stringify(pair)})`,
      });
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
}

/** The variant `-o FILE` asks for, by its extension. */
export function variantForFile(path: string): Variant | undefined {
  const ext = extname(path).slice(1).toLowerCase();
  return (Object.keys(EXTENSIONS) as Variant[]).find((variant) => EXTENSIONS[variant] === ext);
}

/** Checks the prompt and flags into the request body; every problem is collected and named. */
export function readCreateParams(prompt: string | undefined, flags: CreateFlags): CreateVideoParams {
  const errors: FieldError[] = [];
  const fail = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  if (prompt === undefined && flags.template === undefined)
    fail("prompt", "required", "give a prompt, or --template ID");
  if (prompt !== undefined && flags.template !== undefined)
    fail("template", "exclusive", "give a prompt or --template, not both");
  if (flags.var && flags.template === undefined)
    fail("var", "requires", "--var sets a template's variable: add --template ID");
  const params: CreateVideoParams = {
    ...(prompt !== undefined ? { prompt } : {}),
    ...readGenerationParams(flags, errors),
  };
  const variables = pairs("var", flags.var, errors);
  if (flags.template !== undefined) {
    // A value that reads as a number is one (the API's template variables are strings or numbers).
    const typed = Object.fromEntries(
      Object.entries(variables ?? {}).map(([k, v]) => [
        k,
        v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v,
      ]),
    );
    params.template = { id: flags.template, variables: typed };
  }
  const metadata = pairs("metadata", flags.metadata, errors);
  if (metadata) params.metadata = metadata;
  if (flags.model !== undefined) params.model = flags.model;
  if (flags.webhookUrl !== undefined) params.webhook_url = flags.webhookUrl;
  if (flags.outputs !== undefined) {
    const outputs = flags.outputs.split(",").map((v) => v.trim());
    const unknown = outputs.filter((v) => !(VARIANTS as readonly string[]).includes(v));
    if (unknown.length > 0)
      fail("outputs", "enum", `--outputs takes ${VARIANTS.join(", ")} (got ${unknown.join(", ")})`);
    params.outputs = outputs as Variant[];
  }
  if (flags.output !== undefined) {
    const variant = variantForFile(flags.output);
    if (!variant) fail("output", "format", `-o ${JSON.stringify(flags.output)}: use .mp4, .webm, .gif or .png`);
    else if (params.outputs && !params.outputs.includes(variant)) {
      fail("output", "outputs", `-o ${flags.output} needs ${variant} in --outputs (got ${params.outputs.join(",")})`);
    }
  }
  if (errors.length > 0) throw new UsageError(errors);
  return params;
}

/**
 * `sketchreel videos create`: submits the video; with --wait (or -o) waits for it (progress on a
 * TTY) and downloads -o's rendition. Prints the video, or the API's JSON with --json.
 */
export async function createVideo(
  client: Sketchreel,
  prompt: string | undefined,
  flags: CreateFlags,
  signal: AbortSignal,
  state: RemoteState,
): Promise<void> {
  const params = readCreateParams(prompt, flags);
  const timeout = readTimeout(flags.timeout);
  const key = flags.idempotencyKey === undefined ? {} : { idempotencyKey: flags.idempotencyKey };
  if (!flags.wait && flags.output === undefined) {
    const video = await client.videos.create(params, { signal, ...key });
    if (flags.json) process.stdout.write(`${JSON.stringify(video)}\n`);
    else if (video.status === "succeeded") process.stdout.write(`${video.id} succeeded (cached)\n`);
    else process.stdout.write(`${video.id} ${video.status} (follow it: sketchreel videos get ${video.id} --wait)\n`);
    return;
  }
  const { options, done } = waitOptions(timeout, signal, state);
  const video = await client.videos.createAndWait(params, { ...options, ...key }).finally(done);
  state.videoId = video.id;
  const file =
    flags.output === undefined
      ? undefined
      : await downloadVariant(client, video.id, variantForFile(flags.output)!, flags.output, signal);
  printVideo(video, flags.json === true, file);
}
