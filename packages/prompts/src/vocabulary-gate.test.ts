import { ModelVocabulary } from "@sketchreel/contract";
import tokenizer from "@sketchreel/models/shape-world-tiny/tokenizer/tokenizer.json";
import devSuite from "@sketchreel/shape-world/suites/v1-dev.json";
import testSuite from "@sketchreel/shape-world/suites/v1-test.json";
import { describe, expect, it } from "vitest";
import { SHIPPED_MODEL, SHIPPED_VOCABULARY } from "./fixtures/shipped-model.js";
import { checkPromptVocabulary, countPromptObjects, vocabularyWords } from "./vocabulary-gate.js";

const check = (prompt: string) => checkPromptVocabulary(prompt, SHIPPED_VOCABULARY);
/** word, span and suggestions of each refusal: what a user reads in `errors[]`. */
const refusals = (prompt: string) =>
  check(prompt).map(({ rule, word, span, suggestions }) => ({ rule, word, at: [span.start, span.end], suggestions }));

const EXAMPLE_1 =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";

describe("checkPromptVocabulary on the shipped shape-world-tiny vocabulary", () => {
  it("refuses the issue's cat and dog: every unknown word, where it is, and the nearest known words", () => {
    expect(refusals("a cat jumps over a dog")).toEqual([
      { rule: "unknown_word", word: "cat", at: [2, 5], suggestions: [] },
      { rule: "unknown_word", word: "jumps", at: [6, 11], suggestions: ["moves"] },
      { rule: "unknown_word", word: "over", at: [12, 16], suggestions: ["above"] },
      { rule: "unknown_word", word: "dog", at: [19, 22], suggestions: ["dot"] },
    ]);
    expect(check("a cat jumps over a dog")[1]).toMatchObject({
      field: "prompt",
      message: '"jumps" is not a word the model knows; try "moves"',
    });
  });

  it("refuses five red balls in a circle: world v1 has no counts, plurals or arrangements", () => {
    expect(refusals("five red balls arranged in a circle")).toEqual([
      { rule: "unknown_word", word: "five", at: [0, 4], suggestions: [] },
      { rule: "unknown_word", word: "balls", at: [9, 14], suggestions: ["ball"] },
      { rule: "unknown_word", word: "arranged", at: [15, 23], suggestions: [] },
    ]);
  });

  it("refuses a pink star, suggesting the palette's red from the synonyms", () => {
    expect(refusals("a pink star moves from the left to the right")).toEqual([
      { rule: "unknown_word", word: "pink", at: [2, 6], suggestions: ["red"] },
      { rule: "unknown_word", word: "star", at: [7, 11], suggestions: [] },
    ]);
  });

  it("refuses a prompt longer than the tokenizer's 32 tokens, naming where the cut would fall", () => {
    const long = `${EXAMPLE_1.slice(0, -1)} side of the screen near the bottom edge of the screen.`;
    // 36 tokens (punctuation counts): the 33rd is the "of" after "bottom edge", at character 158.
    expect(refusals(long)).toEqual([{ rule: "too_many_tokens", word: "of", at: [158, 172], suggestions: [] }]);
    expect(check(long)[0]?.message).toBe(
      'the prompt is 36 tokens long; the model reads at most 32, so it would ignore everything from "of" on',
    );
  });

  it("refuses a third object, pointing at it", () => {
    const prompt = "a red ball is above a blue square and a green triangle falls";
    expect(refusals(prompt)).toEqual([{ rule: "too_many_objects", word: "triangle", at: [46, 54], suggestions: [] }]);
    expect(check(prompt)[0]?.message).toBe(
      'the prompt names 3 objects; the model draws at most 2 ("triangle" is one too many)',
    );
  });

  it("keeps the prompt's own spelling in word and message, and suggests for typos and punctuation", () => {
    expect(refusals("A Red Bal falls!")).toEqual([
      { rule: "unknown_word", word: "Bal", at: [6, 9], suggestions: ["ball"] },
      { rule: "unknown_word", word: "!", at: [15, 16], suggestions: ["."] },
    ]);
    expect(refusals("a blue squre slides from the rihgt to the left")).toEqual([
      { rule: "unknown_word", word: "squre", at: [7, 12], suggestions: ["square"] },
      { rule: "unknown_word", word: "rihgt", at: [29, 34], suggestions: ["right"] },
    ]);
  });

  it("accepts DESIGN.md's example 1 and every prompt of both suites: it never refuses what the model draws", () => {
    expect(check(EXAMPLE_1)).toEqual([]);
    for (const { prompt } of [...testSuite, ...devSuite]) expect(check(prompt), prompt).toEqual([]);
    for (const prompt of SHIPPED_MODEL.examples) expect(check(prompt), prompt).toEqual([]);
  });

  it("knows exactly the words of the model's tokenizer (tokenizer.json's WordLevel vocabulary, minus <pad> and <unk>)", () => {
    const tokenizerWords = Object.keys(tokenizer.model.vocab).filter((w) => w !== "<pad>" && w !== "<unk>");
    expect(tokenizerWords).toHaveLength(61);
    expect(vocabularyWords(SHIPPED_VOCABULARY).sort()).toEqual(tokenizerWords.sort());
  });

  it("counts the objects a prompt names", () => {
    expect(countPromptObjects(EXAMPLE_1, SHIPPED_VOCABULARY)).toBe(2);
    expect(countPromptObjects("a white dot stays in the center", SHIPPED_VOCABULARY)).toBe(1);
  });
});

describe("checkPromptVocabulary on other vocabularies", () => {
  it("passes anything when the vocabulary is missing or open (a real Wan2.2 export)", () => {
    const open = ModelVocabulary.parse({ closed: false, max_tokens: 4 });
    for (const vocabulary of [null, undefined, open]) {
      expect(checkPromptVocabulary("a cat jumps over a dog while five people dance", vocabulary)).toEqual([]);
    }
  });

  // DESIGN.md's world v2: counts and formations come from the vocabulary data, not from code.
  const v2 = ModelVocabulary.parse({
    ...SHIPPED_VOCABULARY,
    max_objects: 6,
    roles: {
      ...SHIPPED_VOCABULARY.roles,
      shapes: [...SHIPPED_VOCABULARY.roles.shapes, "balls", "dots", "squares"],
      verbs: [...SHIPPED_VOCABULARY.roles.verbs, "stands"],
      counts: ["two", "three", "four", "five"],
      formations: ["in a row", "in a circle", "a circle of"],
    },
    count_values: { two: 2, three: 3, four: 4, five: 5 },
  });

  it("counts groups by their number and never counts a formation's circle", () => {
    const prompt = "a white ball stands in the middle of a circle of five yellow dots";
    expect(countPromptObjects(prompt, v2)).toBe(6);
    expect(checkPromptVocabulary(prompt, v2)).toEqual([]);
    expect(countPromptObjects("three red balls in a row slide from the top to the bottom", v2)).toBe(3);
  });

  it("refuses more objects than max_objects, at the group that goes over", () => {
    const prompt = "three red balls in a row and four blue squares stays at the bottom";
    expect(checkPromptVocabulary(prompt, v2)).toMatchObject([
      { rule: "too_many_objects", word: "squares", span: { start: 39, end: 46 } },
    ]);
  });

  it("needs a count value for every count word", () => {
    const bad = ModelVocabulary.safeParse({ closed: true, roles: { counts: ["two"] } });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ["count_values"],
      message: 'count_values lacks the count word "two"',
    });
  });
});
