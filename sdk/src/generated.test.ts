import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_TYPES, renderTypes } from "../scripts/render-types.js";

describe("generated SDK types", () => {
  it("match packages/contract/openapi.json (run `npm run generate` after changing the contract)", async () => {
    const committed = readFileSync(GENERATED_TYPES, "utf8");
    expect(committed, "sdk/src/generated/openapi.ts is stale: run `npm run generate`").toBe(await renderTypes());
  });
});
