import { readFileSync } from "node:fs";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, renderOpenApiJson } from "./openapi.js";

const committed = readFileSync(new URL("../openapi.json", import.meta.url), "utf8");

/** The HTTP API of DESIGN.md (and later issues), path and method. */
const DESIGN_OPERATIONS = [
  "post /v1/videos",
  "get /v1/videos/{id}",
  "get /v1/videos",
  "post /v1/videos/{id}/cancel",
  "delete /v1/videos/{id}",
  "get /v1/videos/{id}/events",
  "get /v1/videos/{id}/content",
  "get /v1/videos/{id}/webhook-deliveries",
  "post /v1/videos/{id}/webhook-deliveries/{deliveryId}/redeliver",
  "get /v1/webhook-secret",
  "post /v1/webhook-secret/rotate",
  "get /v1/templates",
  "get /v1/templates/{id}",
  "post /v1/prompts/lint",
  "get /v1/usage",
  // Issue 15: the served models and what each can make.
  "get /v1/models",
  "get /v1/models/{id}",
  "get /embed/{shareId}",
  "get /embed/{shareId}/video.mp4",
  // Issue 18: link previews keep their image URL.
  "get /embed/{shareId}/poster.png",
  "get /oembed",
  "post /internal/runners/lease",
  "post /internal/jobs/{id}/heartbeat",
  "post /internal/jobs/{id}/complete",
  "post /internal/jobs/{id}/fail",
  "post /admin/v1/keys",
  "delete /admin/v1/keys/{id}",
];

describe("openapi.json", () => {
  it("is up to date with the contract (run `npm run generate` after changing a schema)", () => {
    expect(committed, "openapi.json is stale: run `npm run generate`").toBe(renderOpenApiJson());
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = JSON.parse(committed);
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(doc);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe("OpenAPI");
  });

  it("contains every operation of DESIGN.md", () => {
    const doc = buildOpenApiDocument();
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual([...DESIGN_OPERATIONS].sort());
  });

  it("describes every error as problem+json and every operation with an id", () => {
    const doc = buildOpenApiDocument();
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item ?? {}) as [
        string,
        { operationId?: string; responses?: Record<string, { content?: object }> },
      ][]) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (Number(status) >= 400)
            expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual([
              "application/problem+json",
            ]);
        }
      }
    }
  });
});

describe("the validity check itself", () => {
  it("rejects a broken document", async () => {
    const doc = JSON.parse(committed);
    doc.paths["/v1/videos"].post.responses["202"].content["application/json"].schema = {
      $ref: "#/components/schemas/Nope",
    };
    const result = await validate(doc);
    expect(result.valid).toBe(false);
  });
});
