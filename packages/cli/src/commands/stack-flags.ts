import { parseArgs } from "node:util";
import { UsageError } from "../usage-error.js";

/** Parses a non-negative integer flag, naming the flag and the rule when it is not one. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** The flags `sketchreel dev` and `sketchreel quickstart` share. */
export function parseStackFlags(argv: string[], extra: Record<string, { type: "string" | "boolean" }> = {}) {
  try {
    return parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        runners: { type: "string" },
        state: { type: "string" },
        model: { type: "string" },
        ...extra,
      },
      allowPositionals: false,
      strict: true,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
