/** Writes sdk/src/generated/openapi.ts from packages/contract/openapi.json. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GENERATED_TYPES, renderTypes } from "./render-types.js";

const target = fileURLToPath(GENERATED_TYPES);
mkdirSync(fileURLToPath(new URL(".", GENERATED_TYPES)), { recursive: true });
writeFileSync(target, await renderTypes());
console.log(JSON.stringify({ msg: "wrote generated SDK types", path: target }));
