import { describe, expect, it } from "vitest";
import { tokenizeLikeModel } from "./model-tokens.js";

describe("tokenizeLikeModel (Lowercase + Whitespace pre-tokenizer)", () => {
  it("splits word runs from punctuation runs and lowercases, keeping each token's span", () => {
    const prompt = "The Top-left corner, isn't it?!";
    const tokens = tokenizeLikeModel(prompt);
    expect(tokens.map((t) => t.text)).toEqual(["the", "top", "-", "left", "corner", ",", "isn", "'", "t", "it", "?!"]);
    for (const t of tokens) expect(prompt.slice(t.start, t.end).toLowerCase()).toBe(t.text);
  });

  it("treats letters, marks and digits of any script as word characters", () => {
    expect(tokenizeLikeModel("Cafe\u0301 x2 naïve — 東京").map((t) => t.text)).toEqual([
      "cafe\u0301",
      "x2",
      "naïve",
      "—",
      "東京",
    ]);
  });
});
