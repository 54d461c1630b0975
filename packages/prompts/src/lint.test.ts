import { describe, expect, it } from "vitest";
import { lintPrompt } from "./lint.js";

const codes = (prompt: string) => lintPrompt(prompt, "shape-world").issues.map((i) => i.code);

describe("lintPrompt (shape world)", () => {
  it("accepts the seed case with no issues and normalizes synonyms", () => {
    const result = lintPrompt(
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      "shape-world",
    );
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.subjects).toBe(2);
    expect(result.normalized_prompt).toContain("a blue square remains stationary");
  });

  it("flags vague spatial words with their span and a suggestion", () => {
    const prompt = "a red ball stays near a blue cube";
    const [vague] = lintPrompt(prompt, "shape-world").issues;
    expect(vague).toMatchObject({
      code: "vague_spatial_word",
      severity: "warning",
      suggestion: expect.stringContaining("to the left of"),
    });
    expect(prompt.slice(vague?.span?.start, vague?.span?.end)).toBe("near");
    expect(codes("a red ball moves next to a blue cube")).toContain("vague_spatial_word");
  });

  it("rejects more than two subjects", () => {
    const result = lintPrompt(
      "a red ball, a blue cube and a green triangle move from the left to the right",
      "shape-world",
    );
    expect(result).toMatchObject({ ok: false, subjects: 3 });
    expect(codes("three balls fall from the top to the bottom")).toContain("too_many_subjects");
  });

  it("names unknown colors and shapes with the nearest known word", () => {
    const result = lintPrompt("a pink star moves from the left to the right", "shape-world");
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "unknown_color", suggestion: "red" }),
        expect.objectContaining({ code: "unknown_shape", suggestion: null }),
      ]),
    );
  });

  it("warns about unknown words, missing motion and a path that goes nowhere", () => {
    expect(codes("a red ball dances gracefully")).toEqual(["unknown_word", "unknown_word", "missing_motion"]);
    expect(codes("a red ball moves from the left to the left")).toContain("conflicting_places");
    expect(lintPrompt("a constructor ball", "shape-world").issues[0]).toMatchObject({ code: "unknown_word" });
  });

  it("canonicalizes places and shapes", () => {
    expect(lintPrompt("A Circle drifts from the top left to the middle", "shape-world").normalized_prompt).toBe(
      "a ball drifts from the top-left to the center",
    );
  });
});

describe("lintPrompt (open vocabulary)", () => {
  it("applies only model-independent rules", () => {
    const result = lintPrompt("a cat sits near a pink sofa", null);
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => i.code)).toEqual(["vague_spatial_word"]);
  });
});
