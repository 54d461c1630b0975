import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";

/** The model package runners load: `--model DIR`, else the embedded one (`@sketchreel/models`). */
export function resolveModelDir(requested?: string): string {
  const dir = resolve(requested ?? EMBEDDED_MODEL_DIR);
  if (!existsSync(join(dir, "model_index.json"))) {
    const hint = requested
      ? "pass --model a model package directory (see packages/pipeline/MODEL-PACKAGE.md)"
      : "the embedded model has not been exported yet; pass --model DIR (see packages/pipeline/MODEL-PACKAGE.md)";
    throw new Error(`no model package at ${dir} (model_index.json missing): ${hint}`);
  }
  return dir;
}
