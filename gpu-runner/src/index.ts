export type { Command } from "./cli/command.js";
export * from "./dev/index.js";
