import type { Command } from "commander";
import { examples, handler, printUsageError, type RegisterCommand } from "../command.js";
import { type ApiFlags, addApiOptions } from "../remote/api-options.js";
import { UsageError } from "../usage-error.js";

interface ModelsFlags extends ApiFlags {
  model?: string;
  json?: boolean;
  remote?: boolean;
}

const DESCRIPTION = `What each model can make: sizes, frame counts and durations, steps, guidance, the vocabulary a
prompt must stay inside, example prompts; the same description as the API's GET /v1/models.

It reads the model packages on this machine (gpu-runner/models, shipped with the CLI), unless
--remote (or --base-url) asks a deployed API, which may serve other models. SKETCHREEL_BASE_URL
alone does not switch it: a variable set for \`sketchreel videos\` should not change what this prints.

Exit codes: 0 done, 2 unknown model or bad arguments, 1 a package (or an API) that cannot be read.`;

export const registerModels: RegisterCommand = (program, context) => {
  const command = program
    .command("models")
    .summary("show what each model can make: sizes, durations, vocabulary, example prompts")
    .description(DESCRIPTION)
    .argument("[id]", "only this model")
    .option("--model <dir>", "describe the model package in DIR instead")
    .option("--json", "print the API's JSON: a list, or one model with ID or --model")
    .option("--remote", "ask the API (SKETCHREEL_BASE_URL, SKETCHREEL_API_KEY) instead of this machine");
  addApiOptions(command)
    .addHelpText(
      "after",
      examples([
        ["the embedded model: the words it knows, prompts to start from", "sketchreel models"],
        ["what the deployed API serves, as JSON", "sketchreel models --remote --json"],
        ["a model package of your own", "sketchreel models --model ./my-export"],
      ]),
    )
    .action(
      handler(context, "models", async (id: string | undefined, flags: ModelsFlags, self: Command) => {
        const remote = flags.remote === true || flags.baseUrl !== undefined;
        if (remote && flags.model) {
          return printUsageError(self, new UsageError("--model describes a package on this machine: drop --remote"));
        }
        const [{ showModels }, api] = await Promise.all([
          import("../models/show-models.js"),
          remote ? import("../remote/api-client.js") : undefined,
        ]);
        if (!api) return showModels({ id, dir: flags.model, json: flags.json === true, api: undefined });
        const { reportFailure } = await import("../remote/report-failure.js");
        try {
          return await showModels({ id, dir: undefined, json: flags.json === true, api: api.createApiClient(flags) });
        } catch (error) {
          return reportFailure("sketchreel models", error, { json: flags.json === true });
        }
      }),
    );
};
