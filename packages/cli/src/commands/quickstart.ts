import { DEFAULT_PORT, DEFAULT_STATE_DIR } from "@sketchreel/dev-stack/defaults";
import type { Command } from "commander";
import { examples, handler, printUsageError, type RegisterCommand } from "../command.js";
import type { QuickstartFlags } from "../local-stack/run-quickstart.js";
import { UsageError } from "../usage-error.js";

const DESCRIPTION = `Boots the local stack (as \`sketchreel dev\`), submits one prompt through the SDK with a progress
bar, saves the MP4 and GIF under --out, prints the embed URL and shuts everything down.

With --json it prints one JSON object at the end instead of the summary: the video (id, seed,
params), the files written, the embed URL and the time each part took (timings_ms).`;

export const registerQuickstart: RegisterCommand = (program, context) => {
  program
    .command("quickstart")
    .summary("boot the stack, generate one video through the SDK, save MP4 + GIF, shut down")
    .description(DESCRIPTION)
    .option("--prompt <text>", "what to generate (default: DESIGN.md's example)")
    .option("--out <dir>", "where the files go", "out")
    .option("--seed <n>", "fixed seed (default: random, printed)")
    .option("--steps <n>", "denoising steps (default: the model's)")
    .option("--port <n>", `edge port (default ${DEFAULT_PORT}, or a free one when that is taken)`)
    .option("--runners <n>", "runner processes", "1")
    .option("--state <dir>", "state directory, shared with `sketchreel dev`", DEFAULT_STATE_DIR)
    .option("--model <dir>", "model package (default: the embedded one)")
    .option("--json", "print one JSON object at the end: video, files, embed URL, timings")
    .addHelpText(
      "after",
      examples([
        ["DESIGN.md's example, MP4 and GIF in ./out", "sketchreel quickstart"],
        ["your own prompt, a fixed seed, as JSON", 'sketchreel quickstart --prompt "a red ball falls" --seed 7 --json'],
      ]),
    )
    .action(
      handler(
        context,
        "quickstart",
        async (flags: QuickstartFlags, self: Command) => {
          const { runQuickstart } = await import("../local-stack/run-quickstart.js");
          try {
            return await runQuickstart(flags);
          } catch (error) {
            if (error instanceof UsageError) return printUsageError(self, error);
            throw error;
          }
        },
        "it runs the edge in workerd through wrangler, and a runner, from the repository's sources",
      ),
    );
};
