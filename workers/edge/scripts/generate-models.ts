/** Writes workers/edge/src/generated/models.ts from the served model packages. Run: npm run generate -w @sketchreel/edge */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GENERATED_MODELS, renderModelCatalog } from "./render-models.js";

const target = fileURLToPath(GENERATED_MODELS);
mkdirSync(fileURLToPath(new URL(".", GENERATED_MODELS)), { recursive: true });
writeFileSync(target, renderModelCatalog());
console.log(JSON.stringify({ msg: "wrote the model catalog", path: target }));
