import { commands } from "./commands/index.js";

const HELP = (names: string[]) => `Usage: sketchreel <command> [options]

Commands:
${names.map((n) => `  ${n}`).join("\n")}

Run \`sketchreel <command> --help\` for a command's options.`;

/** CLI entry: dispatches to a subcommand and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = Object.keys(commands).sort();
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(`${HELP(names)}\n`);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`sketchreel: unknown command "${name}". Commands: ${names.join(", ") || "(none yet)"}\n`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}
