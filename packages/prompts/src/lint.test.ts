import { ModelVocabulary } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { SHIPPED_VOCABULARY } from "./fixtures/shipped-model.js";
import { lintPrompt } from "./lint.js";
import { checkPromptVocabulary } from "./vocabulary-gate.js";

const lint = (prompt: string) => lintPrompt(prompt, SHIPPED_VOCABULARY);
const codes = (prompt: string) => lint(prompt).issues.map((i) => i.code);

describe("lintPrompt (shape-world-tiny's closed vocabulary)", () => {
  it("accepts the seed case with no issues and normalizes synonyms", () => {
    const result = lint(
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
    );
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.subjects).toBe(2);
    expect(result.normalized_prompt).toContain("a blue square remains stationary");
  });

  it("flags vague spatial words with their span and a suggestion", () => {
    const prompt = "a red ball stays near a blue cube";
    const [vague] = lint(prompt).issues;
    expect(vague).toMatchObject({
      code: "vague_spatial_word",
      severity: "warning",
      suggestion: expect.stringContaining("to the left of"),
    });
    expect(prompt.slice(vague?.span?.start, vague?.span?.end)).toBe("near");
    expect(codes("a red ball moves next to a blue cube")).toContain("vague_spatial_word");
  });

  it("rejects more subjects than the model draws as an error", () => {
    const result = lint(
      "a red ball, a blue cube, a green triangle, a white dot, a yellow box, an orange ball and a purple block move from the left to the right",
    );
    expect(result).toMatchObject({ ok: false, subjects: 7 });
    expect(result.subjects).toBeGreaterThan(SHIPPED_VOCABULARY.max_objects ?? Number.POSITIVE_INFINITY);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "too_many_subjects", severity: "error", span: { start: 98, end: 103 } }),
    );
  });

  it("reports exactly the gate's refusals: unknown colors and shapes by their suggestion, with spans", () => {
    const prompt = "a pink star moves from the left to the right";
    const result = lint(prompt);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "unknown_color",
        severity: "error",
        span: { start: 2, end: 6 },
        suggestion: "red",
      }),
      expect.objectContaining({
        code: "unknown_word",
        severity: "error",
        span: { start: 7, end: 11 },
        suggestion: "stay",
      }),
    ]);
    expect(result.issues.map((i) => i.span)).toEqual(
      checkPromptVocabulary(prompt, SHIPPED_VOCABULARY).map((e) => e.span),
    );
    expect(result.issues.map((i) => i.message)).toEqual([
      '"pink" is not a word the model knows',
      '"star" is not a word the model knows',
    ]);
    expect(lint("a red oval falls").issues).toEqual([
      expect.objectContaining({ code: "unknown_shape", suggestion: "ball" }),
    ]);
    const tooLong = `a red ball falls ${"and falls ".repeat(SHIPPED_VOCABULARY.max_tokens ?? 0)}`;
    expect(lint(tooLong).issues.map((i) => i.code)).toContain("too_many_tokens");
  });

  it("errs on unknown words, warns about missing motion and a path that goes nowhere", () => {
    expect(codes("a red ball dances gracefully")).toEqual(["unknown_word", "unknown_word", "missing_motion"]);
    expect(lint("a red ball dances").ok).toBe(false);
    expect(codes("a red ball moves from the left to the left")).toContain("conflicting_places");
    expect(lint("a constructor ball").issues[0]).toMatchObject({ code: "unknown_word" });
  });

  it("canonicalizes places and shapes", () => {
    expect(lint("A Circle drifts from the top left to the middle").normalized_prompt).toBe(
      "a ball drifts from the top-left to the center",
    );
  });
});

describe("lintPrompt (world-v2 prompts in shape-world-tiny's vocabulary)", () => {
  it.each([
    ["Three red balls in a row slide from the top to the bottom.", 3],
    ["A white ball stands in the middle of a circle of five yellow dots.", 6],
    ["A red ball circles around the center, starting at the left.", 1],
    ["a red ball circles around the centre of the screen", 1],
    ["A green triangle moves back and forth between the left and the right.", 1],
    ["A red ball is between a blue square and a green triangle.", 3],
    ["A row of four green squares along the bottom.", 4],
  ])("accepts %j with no issues, counting %i subjects", (prompt, subjects) => {
    expect(lint(prompt)).toMatchObject({ ok: true, subjects, issues: [] });
  });

  it('flags a bare vague "around" but not the standard "circles around the center"', () => {
    const prompt = "a red ball circles around the center while a blue square moves around";
    const issues = lint(prompt).issues.filter((i) => i.code === "vague_spatial_word");
    expect(issues.map((i) => prompt.slice(i.span?.start, i.span?.end))).toEqual(["around"]);
    expect(issues[0]?.span?.start).toBe(prompt.lastIndexOf("around"));
    expect(codes("a red ball sits around the top")).toContain("vague_spatial_word");
  });

  it("refuses a seventh object as an error naming the group that goes over", () => {
    const result = lint("Five red balls stay at the top and two blue balls stay at the bottom.");
    expect(result).toMatchObject({ ok: false, subjects: 7 });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "too_many_subjects", severity: "error", span: { start: 44, end: 49 } }),
    ]);
  });

  it("canonicalizes plurals but keeps formation words and shape words used as verbs", () => {
    expect(lint("Five yellow Dots in a circle").normalized_prompt).toBe("five yellow balls in a circle");
    expect(lint("a white sphere in the middle of a circle of four blue cubes").normalized_prompt).toBe(
      "a white ball in the center of a circle of four blue squares",
    );
    expect(lint("a red circle circles around the middle").normalized_prompt).toBe(
      "a red ball circles around the center",
    );
  });
});

describe("lintPrompt (open vocabulary)", () => {
  it("applies only model-independent rules, whether the vocabulary is missing or open", () => {
    for (const vocabulary of [null, ModelVocabulary.parse({ closed: false })]) {
      const result = lintPrompt("a cat sits near a pink sofa", vocabulary);
      expect(result.ok).toBe(true);
      expect(result.issues.map((i) => i.code)).toEqual(["vague_spatial_word"]);
    }
  });

  it("only warns about many subjects", () => {
    const result = lintPrompt("a red car, a blue dog and three cats", null);
    expect(result).toMatchObject({ ok: true, subjects: 5 });
    expect(result.issues).toEqual([expect.objectContaining({ code: "too_many_subjects", severity: "warning" })]);
  });
});
