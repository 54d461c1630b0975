import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ModelCapabilities } from "@sketchreel/contract";
import { EMBEDDED_MODEL_ID, modelDir, SERVED_MODEL_IDS } from "@sketchreel/models";
import { z } from "zod";

export const GENERATED_MODELS = new URL("../src/generated/models.ts", import.meta.url);

const HEADER = `/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: gpu-runner/models/<id>/model_index.json (@sketchreel/models), read through the contract's
 * ModelCapabilities. Regenerate with \`npm run generate\` at the repo root.
 */
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code

`;

/** Every served model package's shared part of model_index.json; throws naming the file when one is missing or bad. */
export function readServedModels(): ModelCapabilities[] {
  return SERVED_MODEL_IDS.map((id) => {
    const file = join(modelDir(id), "model_index.json");
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (cause) {
      throw new Error(`model package ${id}: cannot read ${file} (${(cause as Error).message})`, { cause });
    }
    const parsed = ModelCapabilities.safeParse(json);
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.model_id !== id) throw new Error(`${file}: model_id is ${parsed.data.model_id}, not ${id}`);
    return parsed.data;
  });
}

/** The exact text of src/generated/models.ts for the model packages on disk. */
export function renderModelCatalog(): string {
  const models = Object.fromEntries(readServedModels().map((model) => [model.model_id, model]));
  return `${HEADER}import type { ModelCapabilities } from "@sketchreel/contract";

/** The model a request without \`model\` gets. */
export const DEFAULT_MODEL_ID = ${JSON.stringify(EMBEDDED_MODEL_ID)};

/** The served models by id. Bump a package's \`model_version\` to invalidate its cached results. */
export const MODELS: Record<string, ModelCapabilities> = ${JSON.stringify(models, null, 2)};
`;
}
