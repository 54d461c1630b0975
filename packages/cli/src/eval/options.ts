import { createRequire } from "node:module";
import { parseArgs } from "node:util";
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
  return createRequire(import.meta.url).resolve("@sketchreel/shape-world/suites/v1-test.json");
}

export const EVAL_USAGE = `Usage: sketchreel eval [--suite FILE | --prompt TEXT…] [--seeds 1,2,3] [--model DIR] [--steps N]
                      [--guidance G] [--limit N] [--out DIR] [--json] [--ground-truth]

Renders every suite prompt for every seed through the generate pipeline, reads the objects back by
color and scores each clause (DESIGN.md rules). Prints a table (per prompt, per clause type, fully
correct %) and writes DIR/report.json and DIR/contact-sheet.png (first/middle/last frame per run).

  --suite FILE   suite JSON (default: the reported suite of @sketchreel/shape-world,
                 suites/v1-test.json; suites/v1-dev.json is the one settings are chosen on)
  --prompt TEXT  score this prompt instead of a suite (repeatable; clauses parsed from the text)
  --seeds LIST   comma-separated seeds (default 1,2,3)
  --model DIR    model package (default: the embedded model)
  --steps N      denoising steps (default: the model's)
  --guidance G   classifier-free guidance scale (default: the model's)
  --limit N      only the first N prompts
  --out DIR      output directory (default .sketchreel/eval)
  --json         print the JSON report on stdout instead of the table
  --ground-truth score scenes drawn by the ground-truth renderer instead of a model: checks the
                 suite and the scoring end to end (must be 100 %)`;

export function parseEvalArgs(argv: string[]): EvalOptions {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        suite: { type: "string" },
        prompt: { type: "string", multiple: true },
        seeds: { type: "string", default: "1,2,3" },
        model: { type: "string" },
        steps: { type: "string" },
        guidance: { type: "string" },
        limit: { type: "string" },
        out: { type: "string", default: ".sketchreel/eval" },
        json: { type: "boolean", default: false },
        "ground-truth": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options: EvalOptions = {
    suitePath: (values.suite as string | undefined) ?? defaultSuitePath(),
    seeds: parseSeeds(values.seeds as string),
    outDir: values.out as string,
    json: values.json === true,
    groundTruth: values["ground-truth"] === true,
  };
  if (options.groundTruth && values.model !== undefined)
    throw new UsageError("--ground-truth and --model exclude each other");
  if (values.prompt !== undefined) {
    if (values.suite !== undefined) throw new UsageError("--prompt and --suite exclude each other");
    options.prompts = values.prompt as string[];
  }
  if (values.model !== undefined) options.modelDir = values.model as string;
  if (values.steps !== undefined) options.steps = integer("--steps", values.steps as string, 1);
  if (values.limit !== undefined) options.limit = integer("--limit", values.limit as string, 1);
  if (values.guidance !== undefined) {
    const g = Number(values.guidance);
    if (!Number.isFinite(g) || g < 0)
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
