import { describe, expect, it } from "vitest";
import { normalizePrompt, tokenizeWords } from "./normalize.js";

describe("normalizePrompt", () => {
  it("folds case, spacing, compatibility forms and a trailing full stop", () => {
    expect(normalizePrompt("  A  Yellow\tBALL rolls ,  left.  ")).toBe("a yellow ball rolls, left");
    expect(normalizePrompt("ｂａｌｌ")).toBe("ball");
  });
  it("keeps words that change meaning", () => {
    expect(normalizePrompt("a red ball")).not.toBe(normalizePrompt("a blue ball"));
  });
});

describe("tokenizeWords", () => {
  it("returns lowercase words with spans", () => {
    expect(tokenizeWords("A top-left Dot")).toEqual([
      { word: "a", start: 0, end: 1 },
      { word: "top-left", start: 2, end: 10 },
      { word: "dot", start: 11, end: 14 },
    ]);
  });
});
