import { fileURLToPath } from "node:url";

/** The model every runner, `sketchreel generate` and the local stack use unless told otherwise. */
export const EMBEDDED_MODEL_ID = "shape-world-tiny";

/** Every model package in this folder, by id: the edge's catalog is generated from these. */
export const SERVED_MODEL_IDS = [EMBEDDED_MODEL_ID] as const;

/** The directory of a served model package (it holds `model_index.json`). */
export function modelDir(id: string): string {
  return fileURLToPath(new URL(`./${id}`, import.meta.url));
}

/** The embedded model package's directory. */
export const EMBEDDED_MODEL_DIR = modelDir(EMBEDDED_MODEL_ID);
