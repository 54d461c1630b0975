import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";

export const CONTRACT_OPENAPI = new URL("../../packages/contract/openapi.json", import.meta.url);
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
