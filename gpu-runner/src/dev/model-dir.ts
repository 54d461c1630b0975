import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_MODEL_DIR } from "../config.js";

/** The model package runners load: `--model DIR`, else the embedded one shipped in gpu-runner/models. */
export function resolveModelDir(requested?: string): string {
  const dir = resolve(requested ?? DEFAULT_MODEL_DIR);
  if (!existsSync(join(dir, "model_index.json"))) {
    const hint = requested
      ? "pass --model a model package directory (see gpu-runner/models/FORMAT.md)"
      : "the embedded model has not been exported yet; pass --model DIR (see gpu-runner/models/FORMAT.md)";
    throw new Error(`no model package at ${dir} (model_index.json missing): ${hint}`);
  }
  return dir;
}
