import { describe, expect, it } from "vitest";
import { editDistance, nearestWords } from "./nearest-words.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("ball", "ball")).toBe(0);
    expect(editDistance("balls", "ball")).toBe(1);
    expect(editDistance("dog", "dot")).toBe(1);
    expect(editDistance("teh", "the")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("nearestWords", () => {
  const known = ["ball", "block", "blue", "at", "the", "square", "rolls", "rises"];

  it("returns the closest words only, within one edit for short words and two for longer", () => {
    expect(nearestWords("bal", known)).toEqual(["ball"]);
    expect(nearestWords("squre", known)).toEqual(["square"]);
    expect(nearestWords("roles", known)).toEqual(["rolls"]); // not "rises", two edits away
    expect(nearestWords("rses", known)).toEqual(["rises"]);
    expect(nearestWords("balls", ["falls", "ball"])).toEqual(["ball"]); // one edit each: the shared start decides
    expect(nearestWords("zebra", known)).toEqual([]);
  });

  it("never suggests words under three letters, and at most `limit`", () => {
    expect(nearestWords("cat", known)).toEqual([]);
    expect(nearestWords("blok", ["block", "blue", "blob", "bloc"], 2)).toEqual(["block", "blob"]);
  });
});
