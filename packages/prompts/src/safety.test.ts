import { describe, expect, it } from "vitest";
import { checkContentSafety, normalizeForSafety } from "./safety.js";

describe("checkContentSafety", () => {
  it("passes ordinary shape-world prompts", () => {
    expect(checkContentSafety("a yellow ball rolls from the left edge to the center")).toBeNull();
    expect(checkContentSafety("a classy assortment of cubes", "no bombastic colors")).toBeNull();
  });

  it("flags listed terms with their category", () => {
    expect(checkContentSafety("a gory scene")).toEqual({ category: "violence", term: "gory" });
    expect(checkContentSafety("a red ball", "naked")).toEqual({ category: "sexual", term: "naked" });
  });

  it("sees through case, accents, leetspeak, repeated letters and spelled-out words", () => {
    expect(checkContentSafety("NÜDE ball")?.category).toBe("sexual");
    expect(checkContentSafety("a n4k3d cube")?.category).toBe("sexual");
    expect(checkContentSafety("gooooore everywhere")?.category).toBe("violence");
    expect(checkContentSafety("a n.u.d.e triangle")?.category).toBe("sexual");
    expect(checkContentSafety("self   harm")?.category).toBe("self_harm");
  });

  it("normalizes to letters and single spaces", () => {
    expect(normalizeForSafety("  Ŝ3lf--HARM!! ")).toBe("self harm");
  });
});
