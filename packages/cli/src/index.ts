import { CommanderError } from "commander";
import type { CliContext } from "./command.js";
import { createProgram } from "./program.js";

/** Commander's outcomes that are not errors: help or the version was asked for and printed. */
const PRINTED = new Set(["commander.helpDisplayed", "commander.version"]);

/**
 * CLI entry: runs one command and returns the exit code. 0 done, 1 failure, 2 bad arguments (commander
 * has printed the problem, a suggestion where one is close, and the usage), 130 interrupted.
 * `installed`: running from the npm package rather than a clone (bin/sketchreel.mjs decides).
 */
export async function main(argv: string[], options: { installed?: boolean } = {}): Promise<number> {
  const context: CliContext = { exitCode: 0, installed: options.installed ?? false };
  try {
    await createProgram(context).parseAsync(argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return PRINTED.has(error.code) ? 0 : 2;
  }
}
