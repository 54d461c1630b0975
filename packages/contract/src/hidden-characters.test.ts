import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./problem.js";
import { CreateVideoRequest } from "./videos.js";

function promptErrors(prompt: string) {
  const body = { prompt };
  const parsed = CreateVideoRequest.safeParse(body);
  return parsed.success ? [] : toFieldErrors(parsed.error, body);
}

describe("hidden characters in prompts", () => {
  it.each([
    ["zero width space", "a red b\u200Ball", "U+200B", 7],
    ["soft hyphen", "a nu\u00ADde ball", "U+00AD", 4],
    ["zero width joiner", "a red\u200D ball", "U+200D", 5],
    ["zero width non-joiner", "\u200Ca red ball", "U+200C", 0],
    ["word joiner", "a red\u2060ball", "U+2060", 5],
    ["byte order mark", "a red ball\uFEFF", "U+FEFF", 10],
    ["right-to-left override", "a red \u202Eball", "U+202E", 6],
    ["left-to-right isolate", "a \u2066red ball", "U+2066", 2],
    ["right-to-left mark", "a red\u200F ball", "U+200F", 5],
    ["tag character", "a red ball\u{E0041}", "U+E0041", 10],
    ["hangul filler", "a red\u3164ball", "U+3164", 5],
  ])("refuses a %s with its code point and position", (_name, prompt, codePoint, index) => {
    const errors = promptErrors(prompt);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: "prompt", rule: "hidden_character" });
    expect(errors[0]!.message).toContain(`${codePoint}`);
    expect(errors[0]!.message).toContain(`at position ${index}`);
  });

  it("accepts visible text in any script, emoji included", () => {
    expect(promptErrors("a yellow ball rolls to the centre")).toEqual([]);
    expect(promptErrors("une balle jaune roule vers le centre — très vite")).toEqual([]);
    expect(promptErrors("黄色いボールが転がる 🎾")).toEqual([]);
    expect(promptErrors("an astronaut 👩\u200D🚀 and a family 👨\u200D👩\u200D👧")).toEqual([]);
  });
});
