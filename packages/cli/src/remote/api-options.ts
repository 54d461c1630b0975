import type { Command } from "commander";
import type { ApiFlags } from "../config.js";

/** The flags every command that calls a deployed API takes; the environment is the usual way. */
export function addApiOptions(command: Command): Command {
  return command
    .option("--base-url <url>", "the API's URL (default: SKETCHREEL_BASE_URL)")
    .option("--api-key <key>", "an API key (default: SKETCHREEL_API_KEY; a flag is visible to other users in `ps`)");
}

export type { ApiFlags };
