import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { GRID_LAYOUT_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";

/**
 * The pipeline's tiny random-weight grid-rule model (`@sketchreel/pipeline/test-fixtures`): real ONNX
 * graphs, ~350 KB, with the embedded 3.0 model's format (its four sizes, up to 32 frames, the grid
 * latent rule and the optional `layout_noise` / `output_size` inputs).
 */
export const TINY_GRID_FIXTURE = GRID_LAYOUT_MODEL_DIR;
export const EMBEDDED_MODEL = EMBEDDED_MODEL_DIR;

let aliased: string | undefined;

/**
 * The model package stack tests run on: the tiny grid-rule model, published under the id the edge's
 * catalog knows (`shape-world-tiny`: 64², 128², 256², 256×144; 8-32 frames) so every test job, at
 * any size and length the catalog offers, runs the real runner code on real ONNX graphs in a
 * fraction of the embedded model's time. Frames are noise, which the tests never
 * judge (the shape-world suite does that for the trained model).
 */
export function testModelDir(): string {
  if (aliased && existsSync(aliased)) return aliased;
  const dir = mkdtempSync(join(tmpdir(), "sketchreel-test-model-"));
  cpSync(TINY_GRID_FIXTURE, dir, { recursive: true });
  const indexPath = join(dir, "model_index.json");
  const index = JSON.parse(readFileSync(indexPath, "utf8")) as Record<string, unknown>;
  // Same id and version as the embedded package (which the edge's catalog mirrors), so runners accept the jobs.
  const embedded = JSON.parse(readFileSync(join(EMBEDDED_MODEL, "model_index.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const alias = { ...index, model_id: embedded.model_id, model_version: embedded.model_version };
  writeFileSync(indexPath, JSON.stringify(alias, null, 2));
  aliased = dir;
  return dir;
}
