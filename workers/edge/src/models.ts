import type { ModelCapabilities } from "@sketchreel/contract";
import { fieldError } from "./errors.js";
import { DEFAULT_MODEL_ID, MODELS } from "./generated/models.js";

export { DEFAULT_MODEL_ID, MODELS };

/** A served model by id (the catalog is generated from each package's model_index.json). */
export function findModel(id: string): ModelCapabilities | undefined {
  return Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
}

/** The served model `id`, or a 422 on the `model` field listing the served ones. */
export function requireModel(id: string): ModelCapabilities {
  const model = findModel(id);
  if (!model) throw fieldError("model", "enum", `model must be one of ${Object.keys(MODELS).join(", ")} (got ${id})`);
  return model;
}
