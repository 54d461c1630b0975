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

  it("rejects more than two subjects as an error", () => {
    const result = lint("a red ball, a blue cube and a green triangle move from the left to the right");
    expect(result).toMatchObject({ ok: false, subjects: 3 });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "too_many_subjects", severity: "error", span: { start: 36, end: 44 } }),
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
        suggestion: null,
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
    expect(lint(`a red ball falls ${"and falls ".repeat(15)}`).issues.map((i) => i.code)).toContain("too_many_tokens");
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
