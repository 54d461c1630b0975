import { readFileSync } from "node:fs";
import { checkModelLimits } from "@sketchreel/contract";
import { SERVED_MODEL_IDS } from "@sketchreel/models";
import { describe, expect, it } from "vitest";
import { GENERATED_MODELS, renderModelCatalog } from "../scripts/render-models.js";
import { MODELS } from "./models.js";

describe("model catalog", () => {
  it("is generated from every served package's model_index.json (run `npm run generate` after changing one)", () => {
    // Throws, naming the file, when a served package or its model_index.json is missing.
    const fresh = renderModelCatalog();
    const committed = readFileSync(GENERATED_MODELS, "utf8");
    expect(committed, "src/generated/models.ts is stale: run `npm run generate`").toBe(fresh);
    expect(Object.keys(MODELS).sort()).toEqual([...SERVED_MODEL_IDS].sort());
  });

  it("keeps every default inside the model's own limits", () => {
    for (const model of Object.values(MODELS)) {
      expect(checkModelLimits(model, model.defaults), model.model_id).toEqual([]);
    }
  });
});
