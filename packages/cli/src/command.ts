import type { Command } from "commander";
import type { UsageError } from "./usage-error.js";

/** What the running command shares with `main`: where the CLI runs from, and the exit code it sets. */
export interface CliContext {
  /** Set by the command that ran; `main` returns it. */
  exitCode: number;
  /** Running from the npm package (the bundle in dist/), not from a clone of the repository. */
  installed: boolean;
}

/** One file per command in `commands/`: each exports a `register` that adds its command to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * A command's handler as commander calls it: whatever number it resolves to becomes the exit code.
 * With `needsClone`, the npm package (which ships neither wrangler nor the runner service) prints
 * why the command needs a clone of the repository and exits 1 instead.
 */
export function handler<A extends unknown[]>(
  context: CliContext,
  name: string,
  run: (...args: A) => Promise<number>,
  needsClone?: string,
): (...args: A) => Promise<void> {
  return async (...args) => {
    if (needsClone && context.installed) {
      process.stderr.write(
        `sketchreel ${name} needs a clone of the Sketchreel repository: ${needsClone}. In a clone: npm ci, then npx sketchreel ${name}\n`,
      );
      context.exitCode = 1;
      return;
    }
    context.exitCode = await run(...args);
  };
}

/** The "Examples:" section of a command's `--help`: each entry is a comment line and a command line. */
export function examples(entries: [comment: string, command: string][]): string {
  return `\nExamples:\n${entries.map(([comment, line]) => `  # ${comment}\n  $ ${line}`).join("\n")}\n`;
}

/** Collects a repeatable option (`--prompt A --prompt B`) into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `sketchreel videos create`: the command's full name, as a user types it. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * A bad value found after parsing (a flag the command checks itself): the message, each field on
 * its own line, and the usage, as commander prints its own errors. Returns exit code 2.
 */
export function printUsageError(command: Command, error: UsageError): number {
  const path = commandPath(command);
  const lines =
    error.errors.length > 1 ? ["invalid arguments:", ...error.errors.map((e) => `  ${e.message}`)] : [error.message];
  process.stderr.write(
    `${path}: ${lines.join("\n")}\nUsage: ${path} ${command.usage()}\nRun \`${path} --help\` for the options and examples.\n`,
  );
  return 2;
}
