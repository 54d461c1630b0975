import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export const CONTRACT_OPENAPI = pathToFileURL(
  createRequire(import.meta.url).resolve("@sketchreel/contract/openapi.json"),
);
export const GENERATED_TYPES = new URL("../src/generated/openapi.ts", import.meta.url);

const HEADER = `/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: packages/contract/openapi.json (itself generated from @sketchreel/contract).
 * Regenerate with \`npm run generate\` at the repo root.
 */
/* eslint-disable */
// biome-ignore-all lint: generated code
// biome-ignore-all format: generated code

`;

/** The exact text of src/generated/openapi.ts for the current openapi.json. */
export async function renderTypes(): Promise<string> {
  const schema = JSON.parse(readFileSync(CONTRACT_OPENAPI, "utf8"));
  const ast = await openapiTS(schema, { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}
