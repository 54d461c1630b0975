import type { Command } from "commander";
import { examples, handler, printUsageError, type RegisterCommand } from "../command.js";
import { addEvalOptions, EVAL_DESCRIPTION, type EvalFlags } from "../eval/options.js";
import { UsageError } from "../usage-error.js";

export const registerEval: RegisterCommand = (program, context) => {
  const command = program
    .command("eval")
    .summary("score a model on the shape-world suite (per-clause accuracy, report.json, contact sheet)")
    .description(EVAL_DESCRIPTION);
  addEvalOptions(command)
    .addHelpText(
      "after",
      examples([
        ["the embedded model on the reported suite, three seeds", "sketchreel eval"],
        ["one prompt, five seeds, as JSON", 'sketchreel eval --prompt "a red ball falls" --seeds 1,2,3,4,5 --json'],
        ["check the suite and the scoring themselves (must be 100 %)", "sketchreel eval --ground-truth"],
      ]),
    )
    .action(
      handler(
        context,
        "eval",
        async (flags: EvalFlags, self: Command) => {
          try {
            const { runEvalCommand } = await import("../eval/run-eval-command.js");
            return await runEvalCommand(flags);
          } catch (error) {
            if (error instanceof UsageError) return printUsageError(self, error);
            throw error;
          }
        },
        "it reads the shape-world suites from the repository's sources",
      ),
    );
};
