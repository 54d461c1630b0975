import { Command } from "commander";
import manifest from "../package.json" with { type: "json" };
import type { CliContext } from "./command.js";
import { COMMAND_GROUPS } from "./commands/index.js";

const ROOT_EXAMPLES = `
Examples:
  $ sketchreel generate "a red ball falls while a green square stays on the left" --seed 3 -o ball.gif
  $ sketchreel models
  $ export SKETCHREEL_BASE_URL=https://api.example.com SKETCHREEL_API_KEY=sr_live_…
  $ sketchreel videos create "a white triangle moves from the top-left to the bottom-right" --wait -o triangle.mp4
  $ sketchreel dev                    # in a clone: the whole platform on this machine

Exit codes: 0 done, 1 failure, 2 bad arguments or parameters, 130 interrupted.
Run \`sketchreel <command> --help\` for a command's options and examples.
`;

/**
 * The `sketchreel` program (commander): every command with its summary, `--help` per command,
 * `--version`, suggestions for a mistyped command or option, and no `process.exit`: a parse error
 * throws a `CommanderError` that `main` turns into exit code 2, after the message and the usage.
 */
export function createProgram(context: CliContext): Command {
  const program = new Command("sketchreel")
    .description(
      "Sketchreel: turn a sentence into a short video draft, on this machine or through a deployed Sketchreel API.",
    )
    .version(manifest.version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false })
    .addHelpText("after", ROOT_EXAMPLES);
  for (const group of COMMAND_GROUPS) {
    program.commandsGroup(group.heading);
    for (const register of group.commands) register(program, context);
  }
  for (const command of program.commands) withUsageAfterErrors(command);
  return program;
}

/** After a parse error (unknown option, missing value…), the command's usage line and where to learn more. */
function withUsageAfterErrors(command: Command, parents = "sketchreel"): void {
  const path = `${parents} ${command.name()}`;
  command.showHelpAfterError(`Usage: ${path} ${command.usage()}\nRun \`${path} --help\` for the options and examples.`);
  for (const sub of command.commands) withUsageAfterErrors(sub, path);
}
