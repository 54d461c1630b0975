/** Writes packages/contract/openapi.json from the route definitions. Run: npm run generate -w @sketchreel/contract */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderOpenApiJson } from "../src/openapi.js";

const target = fileURLToPath(new URL("../openapi.json", import.meta.url));
writeFileSync(target, renderOpenApiJson());
console.log(JSON.stringify({ msg: "wrote openapi.json", path: target }));
