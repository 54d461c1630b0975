import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeModel, type Model } from "@sketchreel/contract";
import { EMBEDDED_MODEL_ID, modelDir, SERVED_MODEL_IDS } from "@sketchreel/models";
import { loadModelPackage, ModelPackageError } from "@sketchreel/pipeline";
import type { Command } from "../command.js";
import { formatModel } from "../models/format-model.js";
import { UsageError } from "../usage-error.js";

const USAGE = `Usage: sketchreel models [ID] [--model DIR] [--json]

What each served model package (gpu-runner/models) can make, read from its model_index.json: sizes,
frame counts and durations, steps, guidance, the vocabulary a prompt must stay inside, example
prompts. The same description as the API's GET /v1/models.

  ID           only this model
  --model DIR  describe the model package in DIR instead
  --json       print the API's JSON: a list, or one model with ID or --model

Exit codes: 0 done, 2 unknown model or bad arguments, 1 a package that cannot be read.`;

async function describePackage(dir: string, isDefault: boolean): Promise<Model> {
  return describeModel((await loadModelPackage(dir)).index, isDefault);
}

/** The models to show: one package directory, one served id, or every served package. */
async function selectModels(id: string | undefined, dir: string | undefined): Promise<Model | Model[]> {
  if (dir) return describePackage(resolve(dir), false);
  if (id === undefined)
    return Promise.all(SERVED_MODEL_IDS.map((s) => describePackage(modelDir(s), s === EMBEDDED_MODEL_ID)));
  if (!(SERVED_MODEL_IDS as readonly string[]).includes(id)) {
    throw new UsageError([
      { field: "id", rule: "enum", message: `no model ${id}; the served models are ${SERVED_MODEL_IDS.join(", ")}` },
    ]);
  }
  return describePackage(modelDir(id), id === EMBEDDED_MODEL_ID);
}

const command: Command = {
  summary: "show what each served model can make: sizes, durations, vocabulary, example prompts",
  usage: USAGE,
  async run(argv) {
    try {
      let parsed: ReturnType<typeof parse>;
      try {
        parsed = parse(argv);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const { values, positionals } = parsed;
      if (positionals.length > 1) throw new UsageError(`give at most one model id (got ${positionals.length})`);
      const selected = await selectModels(positionals[0], values.model);
      if (values.json) {
        const body = Array.isArray(selected) ? { object: "list", data: selected } : selected;
        process.stdout.write(`${JSON.stringify(body)}\n`);
      } else {
        const models = Array.isArray(selected) ? selected : [selected];
        process.stdout.write(`${models.map(formatModel).join("\n\n")}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`sketchreel models: ${error.message}\n`);
        return 2;
      }
      if (error instanceof ModelPackageError) {
        process.stderr.write(`sketchreel models: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { model: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
}

export default command;
