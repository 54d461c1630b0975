import { ModelVocabulary } from "@sketchreel/contract";
import tokenizer from "@sketchreel/models/shape-world-tiny/tokenizer/tokenizer.json";
import { objectTotal, parsePrompt, parseSuite } from "@sketchreel/shape-world";
import devSuite from "@sketchreel/shape-world/suites/v1-dev.json";
import testSuite from "@sketchreel/shape-world/suites/v1-test.json";
import v2DevSuite from "@sketchreel/shape-world/suites/v2-dev.json";
import v2TestSuite from "@sketchreel/shape-world/suites/v2-test.json";
import { describe, expect, it } from "vitest";
import { SHIPPED_MODEL, SHIPPED_VOCABULARY } from "./fixtures/shipped-model.js";
import { checkPromptVocabulary, countPromptObjects, vocabularyWords } from "./vocabulary-gate.js";

const check = (prompt: string) => checkPromptVocabulary(prompt, SHIPPED_VOCABULARY);
/** word, span and suggestions of each refusal: what a user reads in `errors[]`. */
const refusals = (prompt: string) =>
  check(prompt).map(({ rule, word, span, suggestions }) => ({ rule, word, at: [span.start, span.end], suggestions }));

const EXAMPLE_1 =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
// World v2 (DESIGN.md, WORLD-V2.md): the seed's three cases and every construct of the grammar.
const CASE_2 = "Three red balls in a row slide from the top to the bottom.";
const CASE_3 = "A white ball stands in the middle of a circle of five yellow dots.";
const V2_PROMPTS = [
  EXAMPLE_1,
  CASE_2,
  CASE_3,
  "A row of four green squares along the bottom.",
  "Three blue dots in a column on the left.",
  "Two orange cubes fall while a purple triangle rises.",
  "Five yellow spheres stay in a circle, and a white box orbits the center.",
  "A red ball is between a blue square and a green triangle.",
  "A red ball circles around the center, starting at the left, while three blue blocks remain at the bottom.",
  "A green triangle moves back and forth between the left and the right.",
  "Four white circles in a row travel from the top edge to the bottom edge.",
  "A column of two red boxes stands on the right edge as a yellow dot glides from the left to the center.",
  "Three orange triangles are stationary at the top, and three purple balls sit in a row at the bottom.",
];

/** What the shipped model_index.json allows: the messages below quote it. */
const { max_objects: MAX_OBJECTS, max_tokens: MAX_TOKENS } = SHIPPED_VOCABULARY;

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

  it("refuses five red balls arranged in a circle: counts, plurals and formations, but not every word", () => {
    expect(refusals("five red balls arranged in a circle")).toEqual([
      { rule: "unknown_word", word: "arranged", at: [15, 23], suggestions: [] },
    ]);
    expect(refusals("six red balls in a row")).toEqual([
      { rule: "unknown_word", word: "six", at: [0, 3], suggestions: ["sit"] },
    ]);
  });

  it("refuses a pink star, suggesting the palette's red from the synonyms", () => {
    expect(refusals("a pink star moves from the left to the right")).toEqual([
      { rule: "unknown_word", word: "pink", at: [2, 6], suggestions: ["red"] },
      { rule: "unknown_word", word: "star", at: [7, 11], suggestions: ["stay"] },
    ]);
  });

  it("refuses a prompt longer than the tokenizer's max_tokens, naming where the cut would fall", () => {
    const long = `${EXAMPLE_1.slice(0, -1)} side of the screen, and three red balls in a row fall from the top edge of the screen to the bottom edge of the screen.`;
    // 52 tokens (punctuation counts): with 48 the 49th is the "of" after "bottom edge", at character 223.
    expect(MAX_TOKENS).toBe(48);
    expect(refusals(long)).toEqual([{ rule: "too_many_tokens", word: "of", at: [223, 237], suggestions: [] }]);
    expect(check(long)[0]?.message).toBe(
      `the prompt is 52 tokens long; the model reads at most ${MAX_TOKENS}, so it would ignore everything from "of" on`,
    );
  });

  it("refuses an object beyond max_objects, pointing at the group that goes over", () => {
    const prompt = "Five red balls stay at the top and two blue balls stay at the bottom.";
    expect(refusals(prompt)).toEqual([{ rule: "too_many_objects", word: "balls", at: [44, 49], suggestions: [] }]);
    expect(check(prompt)[0]).toMatchObject({
      field: "prompt",
      message: `the prompt names 7 objects; the model draws at most ${MAX_OBJECTS} ("balls" is one too many)`,
    });
    expect(countPromptObjects(`${CASE_3.slice(0, -1)} and a red cube falls`, SHIPPED_VOCABULARY)).toBe(7);
    expect(check(`${CASE_3.slice(0, -1)} and a red cube falls`)).toMatchObject([
      { rule: "too_many_objects", word: "cube" },
    ]);
  });

  it("refuses a fifth separately named thing (max_things: the text encoder's four slots), counting a group once", () => {
    expect(SHIPPED_VOCABULARY.max_things).toBe(4);
    const five =
      "A red ball stays at the left, a blue dot stays at the right, a green dot falls, a white dot rises and a yellow dot stays in the center.";
    expect(refusals(five)).toEqual([{ rule: "too_many_things", word: "dot", at: [111, 114], suggestions: [] }]);
    expect(check(five)[0]?.message).toBe(
      'the prompt names 5 separate things (a single object or a group each); the model draws at most 4 ("dot" is one too many)',
    );
    // four things, six objects: a group of three is one thing, and a colour named again is the same thing
    const four =
      "Three red balls in a row stay at the top, a blue dot falls, a green dot rises and the red balls stay.";
    expect(refusals(four)).toEqual([]);
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

  it("accepts DESIGN.md's example 1 and every prompt of the v1 and v2 suites: it never refuses what the model draws", () => {
    expect(check(EXAMPLE_1)).toEqual([]);
    for (const { prompt } of [...testSuite, ...devSuite, ...v2TestSuite, ...v2DevSuite]) {
      expect(check(prompt), prompt).toEqual([]);
    }
    for (const prompt of SHIPPED_MODEL.examples) expect(check(prompt), prompt).toEqual([]);
  });

  it("knows exactly the words of the model's tokenizer (tokenizer.json's WordLevel vocabulary, minus <pad> and <unk>)", () => {
    const tokenizerWords = Object.keys(tokenizer.model.vocab).filter((w) => w !== "<pad>" && w !== "<unk>");
    expect(tokenizerWords).toHaveLength(102);
    expect(vocabularyWords(SHIPPED_VOCABULARY).sort()).toEqual(tokenizerWords.sort());
  });

  it("counts the objects a prompt names", () => {
    expect(countPromptObjects(EXAMPLE_1, SHIPPED_VOCABULARY)).toBe(2);
    expect(countPromptObjects("a white dot stays in the center", SHIPPED_VOCABULARY)).toBe(1);
    expect(countPromptObjects(CASE_3, SHIPPED_VOCABULARY)).toBe(6);
  });

  it("counts a colour named again once: each colour names one thing", () => {
    const prompt = "A red ball is above a blue square, and the blue square stays at the bottom.";
    expect(countPromptObjects(prompt, SHIPPED_VOCABULARY)).toBe(2);
    expect(check(prompt)).toEqual([]);
  });
});

describe("checkPromptVocabulary on other vocabularies", () => {
  it("passes anything when the vocabulary is missing or open (a real Wan2.2 export)", () => {
    const open = ModelVocabulary.parse({ closed: false, max_tokens: 4 });
    for (const vocabulary of [null, undefined, open]) {
      expect(checkPromptVocabulary("a cat jumps over a dog while five people dance", vocabulary)).toEqual([]);
    }
  });

  // Counts and formations come from the vocabulary data, not from code: here formations are phrases.
  const v2 = ModelVocabulary.parse({
    ...SHIPPED_VOCABULARY,
    roles: {
      ...SHIPPED_VOCABULARY.roles,
      shapes: ["ball", "balls", "dots", "square", "squares", "triangle"],
      formations: ["in a row", "in a circle", "a circle of"],
    },
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

describe("checkPromptVocabulary on world-v2 prompts (the shipped vocabulary)", () => {
  it("accepts every v2 construct and counts objects exactly as the parser does (a group counts its number)", () => {
    for (const prompt of V2_PROMPTS) {
      expect(check(prompt), prompt).toEqual([]);
      expect(countPromptObjects(prompt, SHIPPED_VOCABULARY), prompt).toBe(objectTotal(parsePrompt(prompt).objects));
    }
    expect(countPromptObjects(CASE_3, SHIPPED_VOCABULARY)).toBe(6);
  });

  it("counts the objects of every v2 suite prompt as its scene spec does", () => {
    for (const { prompt, objects } of parseSuite([...v2TestSuite, ...v2DevSuite])) {
      expect(countPromptObjects(prompt, SHIPPED_VOCABULARY), prompt).toBe(objectTotal(objects));
    }
  });

  it("counts a formation word that is also a shape as the shape outside a formation phrase", () => {
    expect(countPromptObjects("A white circle rises.", SHIPPED_VOCABULARY)).toBe(1);
    expect(countPromptObjects("The purple circle stays to the right of the yellow circle.", SHIPPED_VOCABULARY)).toBe(
      2,
    );
    expect(countPromptObjects("a circle moves from the left to the right", SHIPPED_VOCABULARY)).toBe(1);
  });

  it("does not count a shape word used as a verb, a formation's circle or a colour named again", () => {
    expect(countPromptObjects("a red ball circles around the center", SHIPPED_VOCABULARY)).toBe(1);
    expect(
      countPromptObjects("five yellow dots in a circle and a red ball circles the center", SHIPPED_VOCABULARY),
    ).toBe(6);
    expect(countPromptObjects("a circle of five yellow dots", SHIPPED_VOCABULARY)).toBe(5);
    expect(countPromptObjects("three white balls in a circle", SHIPPED_VOCABULARY)).toBe(3);
    expect(countPromptObjects("three red balls fall while the three red balls stay in a row", SHIPPED_VOCABULARY)).toBe(
      3,
    );
  });
});
