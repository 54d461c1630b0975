import type { Command } from "../command.js";

/**
 * Every `sketchreel` subcommand, one file each in this folder. Add a line here per command;
 * each module default-exports a `Command`, loaded lazily so `--help` stays fast.
 */
export const commands: Record<string, () => Promise<{ default: Command }>> = {
  generate: () => import("./generate.js"),
  runner: () => import("./runner.js"),
  notion: () => import("./notion.js"),
  dev: () => import("./dev.js"),
  quickstart: () => import("./quickstart.js"),
  eval: () => import("./eval.js"),
  models: () => import("./models.js"),
};
