import type { z } from "@hono/zod-openapi";
import type { LintResult, Template, TemplateList } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { call, createKey, json } from "./helpers.js";

describe("templates, lint", () => {
  it("lists the latest version of a dozen templates and gets one by id", async () => {
    const key = await createKey();
    const list = (await (await call("/v1/templates", { headers: key.auth })).json()) as z.infer<typeof TemplateList>;
    expect(list.data.length).toBeGreaterThanOrEqual(12);
    expect(list.data.find((t) => t.id === "slide-in-to-center")?.version).toBe(2);
    const one = await call("/v1/templates/roll-past-anchor", { headers: key.auth });
    expect(((await one.json()) as Template).variables.map((v) => v.name)).toEqual([
      "color",
      "shape",
      "anchor_color",
      "anchor_shape",
    ]);
    expect((await call("/v1/templates/no-such-template", { headers: key.auth })).status).toBe(404);
    expect((await call("/v1/templates/Bad_Id", { headers: key.auth })).status).toBe(422);
  });

  it("lints a prompt: vague words, subjects, vocabulary, normalized prompt", async () => {
    const key = await createKey({ scopes: ["videos:read"] });
    const res = await json("POST", "/v1/prompts/lint", { prompt: "A pink circle drifts near a blue box" }, key.auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as LintResult;
    expect(body).toMatchObject({
      ok: false,
      model: "shape-world-tiny",
      subjects: 2,
      normalized_prompt: "a pink ball drifts near a blue square",
    });
    expect(body.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["vague_spatial_word", "unknown_color"]));
    const clean = (await (
      await json("POST", "/v1/prompts/lint", { prompt: "a red ball falls from the top to the bottom" }, key.auth)
    ).json()) as LintResult;
    expect(clean).toMatchObject({ ok: true, issues: [] });
    const unknownModel = await json("POST", "/v1/prompts/lint", { prompt: "x", model: "nope" }, key.auth);
    expect(unknownModel.status).toBe(422);
  });
});
