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

// Evasions of the blocked words (issue 14): every variant must still be caught. The edge refuses
// hidden characters in prompts outright (the contract's prompt rule); this filter must also see
// through them wherever text reaches it.
describe("checkContentSafety against evasion", () => {
  const ZWSP = "\u200B";
  it.each([
    ["zero width space inside", `a nu${ZWSP}de ball`, "sexual"],
    ["soft hyphen inside", "a na\u00ADked cube", "sexual"],
    ["zero width joiner inside", "go\u200Dre everywhere", "violence"],
    ["zero width non-joiner inside", "a tor\u200Cture scene", "violence"],
    ["word joiner inside", "sui\u2060cide", "self_harm"],
    ["byte order mark inside", "na\uFEFFzi", "hate"],
    ["bidi override inside", "a \u202Enude\u202C ball", "sexual"],
    ["bidi isolate inside", "ma\u2066ss\u2069acre", "violence"],
    ["Cyrillic a", "a n\u0430ked ball", "sexual"],
    ["Cyrillic o", "g\u043Ere", "violence"],
    ["Cyrillic e", "nud\u0435", "sexual"],
    ["Cyrillic p and o", "\u0440\u043Ern", "sexual"],
    ["Cyrillic s", "\u0455uicide", "self_harm"],
    ["Cyrillic i", "n\u0430z\u0456", "hate"],
    ["Greek omicron", "g\u03BFry", "violence"],
    ["Greek alpha", "n\u03B1ked", "sexual"],
    ["Armenian o", "t\u0585rture", "violence"],
    ["small capitals", "\u0274\u1d1c\u1d05\u1d07", "sexual"],
    ["fullwidth letters", "\uFF4E\uFF55\uFF44\uFF45", "sexual"],
    ["mathematical bold", "\u{1D427}\u{1D42E}\u{1D41D}\u{1D41E}", "sexual"],
    ["circled letters", "\u24DD\u24E4\u24D3\u24D4", "sexual"],
    ["combining accents", "n\u0301u\u0308d\u0300e", "sexual"],
    ["leetspeak", "n4k3d", "sexual"],
    ["dots between letters", "g.o.r.e", "violence"],
    ["spaces between letters", "n u d e", "sexual"],
    ["dashes between letters", "s-u-i-c-i-d-e", "self_harm"],
    ["repeated letters", "nuuuuude", "sexual"],
    ["upper case", "BEHEADING", "violence"],
    ["mixed evasions", `N\u0410${ZWSP}K3D`, "sexual"],
    ["hyphenated phrase", "self\u00AD-harm", "self_harm"],
    ["phrase with hidden space", `pipe${ZWSP} bomb`, "weapons"],
    ["Cyrillic in a phrase", "whit\u0435 p\u043Ewer", "hate"],
  ])("catches %s", (_name, text, category) => {
    expect(checkContentSafety(`a red ball and ${text}`)?.category).toBe(category);
  });

  it("does not flag ordinary words that contain a blocked word's letters", () => {
    for (const text of ["Scunthorpe", "a classy assortment", "therapist", "cocktail", "grape", "analysis"])
      expect(checkContentSafety(text), text).toBeNull();
  });
});
