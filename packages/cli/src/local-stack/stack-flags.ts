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

/** The flags `sketchreel dev` and `sketchreel quickstart` share, as commander parsed them. */
export interface StackFlags {
  port?: string;
  runners?: string;
  state?: string;
  model?: string;
  json?: boolean;
}
