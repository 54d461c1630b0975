export type { Command } from "./cli/command.js";
