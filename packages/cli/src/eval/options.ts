import { createRequire } from "node:module";
import { Command, CommanderError } from "commander";
import { collect } from "../command.js";
import { UsageError } from "../usage-error.js";

export interface EvalOptions {
  suitePath: string;
  /** Ad-hoc prompts scored instead of the suite (clauses parsed from each prompt). */
  prompts?: string[];
  seeds: number[];
  /** Model package directory; undefined = the embedded model. */
  modelDir?: string;
  /** Denoising steps; undefined = the model's default. */
  steps?: number;
  guidance?: number;
  /** Only the first N suite entries (quick checks). */
  limit?: number;
  outDir: string;
  json: boolean;
  /** Score the ground-truth renderer's scenes instead of a model (checks suite + scoring: 100 %). */
  groundTruth: boolean;
}

/** The reported suite of the embedded model, owned by @sketchreel/shape-world (the dev suite is beside it). */
export function defaultSuitePath(): string {
  return createRequire(import.meta.url).resolve("@sketchreel/shape-world/suites/v2-test.json");
}

/** What `sketchreel eval --help` says above the options. */
export const EVAL_DESCRIPTION = `Renders every suite prompt for every seed through the generate pipeline, reads the objects back by
color and scores each clause (DESIGN.md rules). An entry with width, height or num_frames is drawn
and judged at that format. Prints a table (per prompt, per clause type, per format, fully correct %)
and writes DIR/report.json and DIR/contact-sheet.png (first/middle/last frame per run).`;

/** The usage line of `sketchreel eval`. */
export const EVAL_USAGE_LINE =
  "[--suite FILE | --prompt TEXT…] [--seeds 1,2,3] [--model DIR] [--steps N] [--guidance G] [--limit N] [--out DIR] [--json] [--ground-truth]";

/** The flags of `sketchreel eval` as commander parsed them. */
export interface EvalFlags {
  suite?: string;
  prompt?: string[];
  seeds: string;
  model?: string;
  steps?: string;
  guidance?: string;
  limit?: string;
  out: string;
  json?: boolean;
  groundTruth?: boolean;
}

/** Declares the options of `sketchreel eval` on `command`. */
export function addEvalOptions(command: Command): Command {
  return command
    .usage(EVAL_USAGE_LINE)
    .option(
      "--suite <file>",
      "suite JSON (default: the reported suite of @sketchreel/shape-world, suites/v2-test.json; suites/v2-dev.json is the one settings are chosen on; suites/v1-*.json are world v1)",
    )
    .option(
      "--prompt <text>",
      "score this prompt instead of a suite (repeatable; clauses parsed from the text)",
      collect,
    )
    .option("--seeds <list>", "comma-separated seeds", "1,2,3")
    .option("--model <dir>", "model package (default: the embedded model)")
    .option("--steps <n>", "denoising steps (default: the model's)")
    .option("--guidance <g>", "classifier-free guidance scale (default: the model's)")
    .option("--limit <n>", "only the first N prompts")
    .option("--out <dir>", "output directory", ".sketchreel/eval")
    .option("--json", "print the JSON report on stdout instead of the table")
    .option(
      "--ground-truth",
      "score scenes drawn by the ground-truth renderer instead of a model: checks the suite and the scoring end to end (must be 100 %)",
    );
}

/** Parses `sketchreel eval`'s arguments alone (what the command does, for tests): usage problems throw `UsageError`. */
export function parseEvalArgs(argv: string[]): EvalOptions {
  const command = addEvalOptions(new Command("eval"))
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  try {
    command.parse(argv, { from: "user" });
  } catch (error) {
    throw new UsageError(error instanceof CommanderError ? error.message.replace(/^error: /, "") : String(error));
  }
  return readEvalOptions(command.opts<EvalFlags>());
}

/** Checks the flags and fills the defaults; each problem is a `UsageError` naming the flag and the value. */
export function readEvalOptions(values: EvalFlags): EvalOptions {
  const options: EvalOptions = {
    suitePath: values.suite ?? defaultSuitePath(),
    seeds: parseSeeds(values.seeds),
    outDir: values.out,
    json: values.json === true,
    groundTruth: values.groundTruth === true,
  };
  if (options.groundTruth && values.model !== undefined)
    throw new UsageError("--ground-truth and --model exclude each other");
  if (values.prompt !== undefined) {
    if (values.suite !== undefined) throw new UsageError("--prompt and --suite exclude each other");
    options.prompts = values.prompt;
  }
  if (values.model !== undefined) options.modelDir = values.model;
  if (values.steps !== undefined) options.steps = integer("--steps", values.steps, 1);
  if (values.limit !== undefined) options.limit = integer("--limit", values.limit, 1);
  if (values.guidance !== undefined) {
    const g = Number(values.guidance);
    if (values.guidance.trim() === "" || !Number.isFinite(g) || g < 0)
      throw new UsageError(`--guidance must be a number ≥ 0 but is "${values.guidance}"`);
    options.guidance = g;
  }
  return options;
}

function parseSeeds(list: string): number[] {
  const seeds = list.split(",").map((s) => s.trim());
  if (seeds.some((s) => !/^\d+$/.test(s) || Number(s) > 0xffffffff)) {
    throw new UsageError(`--seeds must be comma-separated integers in 0…4294967295 but is "${list}"`);
  }
  return [...new Set(seeds.map(Number))];
}

function integer(flag: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min} but is "${raw}"`);
  return n;
}
