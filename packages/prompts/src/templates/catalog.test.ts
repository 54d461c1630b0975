import { Template } from "@sketchreel/contract";
import { COLORS, PLACES, SHAPES } from "@sketchreel/shape-world";
import { describe, expect, it } from "vitest";
import { SHIPPED_VOCABULARY } from "../fixtures/shipped-model.js";
import { lintPrompt } from "../lint.js";
import { checkPromptVocabulary } from "../vocabulary-gate.js";
import { findTemplate, listLatestTemplates, TEMPLATE_VERSIONS } from "./catalog.js";
import { renderTemplate } from "./render.js";

describe("template catalog", () => {
  it("holds at least a dozen templates, each valid against the contract schema", () => {
    expect(listLatestTemplates().length).toBeGreaterThanOrEqual(12);
    for (const t of TEMPLATE_VERSIONS) expect(Template.safeParse(t).success, `${t.id}@${t.version}`).toBe(true);
  });

  it("uses only the shape world's vocabulary for variables", () => {
    const allowed = new Set<string>([...COLORS, ...SHAPES, ...PLACES]);
    for (const t of TEMPLATE_VERSIONS) {
      for (const v of t.variables) for (const value of v.enum ?? []) expect(allowed.has(value), value).toBe(true);
    }
  });

  it("renders every template with its defaults into a prompt the lint accepts", () => {
    for (const t of listLatestTemplates()) {
      const rendered = renderTemplate({ id: t.id }, "shape-world-tiny");
      expect(rendered.ok, t.id).toBe(true);
      if (!rendered.ok) continue;
      expect(rendered.value.prompt).not.toMatch(/[{}]/);
      const lint = lintPrompt(rendered.value.prompt, SHIPPED_VOCABULARY);
      expect(
        lint.issues.filter((i) => i.severity !== "info"),
        `${t.id}: ${rendered.value.prompt}`,
      ).toEqual([]);
    }
  });

  it("renders every value of every variable, in every version, into a prompt the model can draw", () => {
    for (const t of TEMPLATE_VERSIONS) {
      for (const v of t.variables) {
        for (const value of v.enum ?? []) {
          const rendered = renderTemplate(
            { id: t.id, version: t.version, variables: { [v.name]: value } },
            "shape-world-tiny",
          );
          if (!rendered.ok)
            throw new Error(`${t.id}@${t.version} ${v.name}=${value}: ${JSON.stringify(rendered.errors)}`);
          expect(checkPromptVocabulary(rendered.value.prompt, SHIPPED_VOCABULARY), rendered.value.prompt).toEqual([]);
        }
      }
    }
  });

  it("lists the latest version and still resolves a pinned older one", () => {
    expect(findTemplate("slide-in-to-center")?.version).toBe(2);
    expect(findTemplate("slide-in-to-center", 1)?.prompt).toContain("from the left to the center");
  });
});

describe("renderTemplate", () => {
  it("fills variables and defaults", () => {
    const r = renderTemplate({ id: "move-between", variables: { color: "red", to: "top-right" } }, "shape-world-tiny");
    expect(r).toMatchObject({ ok: true, value: { prompt: "a red ball moves from the left to the top-right" } });
  });

  it("names the field and lists allowed values for a bad enum value", () => {
    const r = renderTemplate({ id: "drop-in", variables: { color: "pink" } }, "shape-world-tiny");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ field: "template.variables.color", rule: "enum" });
    expect(r.errors[0]?.message).toContain("red, green, blue");
  });

  it("rejects unknown variables, unknown ids and unknown versions", () => {
    const unknownVar = renderTemplate({ id: "drop-in", variables: { speed: 3 } }, "shape-world-tiny");
    expect(unknownVar).toMatchObject({
      ok: false,
      errors: [{ field: "template.variables.speed", rule: "unknown_field" }],
    });
    expect(renderTemplate({ id: "nope" }, "shape-world-tiny")).toMatchObject({
      ok: false,
      errors: [{ field: "template.id" }],
    });
    expect(renderTemplate({ id: "drop-in", version: 9 }, "shape-world-tiny")).toMatchObject({
      ok: false,
      errors: [{ field: "template.version", rule: "enum" }],
    });
  });

  it("refuses a model the template is not written for", () => {
    expect(renderTemplate({ id: "drop-in" }, "wan2.2-ti2v-5b")).toMatchObject({
      ok: false,
      errors: [{ rule: "model_mismatch" }],
    });
  });
});
