import { describe, expect, it } from "vitest";
import { tokenizeWords } from "./normalize.js";

describe("tokenizeWords", () => {
  it("returns lowercase words with spans", () => {
    expect(tokenizeWords("A top-left Dot")).toEqual([
      { word: "a", start: 0, end: 1 },
      { word: "top-left", start: 2, end: 10 },
      { word: "dot", start: 11, end: 14 },
    ]);
  });
});
