import { readFile } from "node:fs/promises";
import { parseSuite, type SuiteEntry, SuiteFormatError } from "@sketchreel/shape-world";

/** The suite file is missing, not JSON, or not in the suite format; the message names file and field. */
export class SuiteLoadError extends Error {
  override readonly name = "SuiteLoadError";
}

export async function loadSuite(path: string, limit?: number): Promise<SuiteEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SuiteLoadError(`cannot read suite ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SuiteLoadError(`suite ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    const suite = parseSuite(value);
    return limit ? suite.slice(0, limit) : suite;
  } catch (error) {
    if (error instanceof SuiteFormatError) throw new SuiteLoadError(`suite ${path} ${error.path}: ${error.message}`);
    throw error;
  }
}

/** Ad-hoc prompts (`--prompt`, repeatable) as a suite: each parsed into its clauses. */
export function promptSuite(prompts: string[]): SuiteEntry[] {
  try {
    return parseSuite(prompts);
  } catch (error) {
    if (error instanceof SuiteFormatError) {
      const index = Number(/^\[(\d+)\]/.exec(error.path)?.[1] ?? 0);
      throw new SuiteLoadError(`--prompt ${JSON.stringify(prompts[index] ?? "")}: ${error.message}`);
    }
    throw error;
  }
}
