import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SuiteFormatError } from "./errors.js";
import { parsePrompt } from "./parse-prompt.js";
import { parseSuite } from "./suite.js";
import { COLORS, FALL_VERBS, MOVE_VERBS, PLACES, RELATIONS, SHAPES, STAY_PHRASES } from "./vocabulary.js";

// The package's own suite files, written by training/scripts/make_suite.py and make_dev_suite.py. A
// missing file fails these tests (readFileSync throws): they are part of the package.
const readSuite = (name: string) =>
  parseSuite(JSON.parse(readFileSync(new URL(`../suites/${name}`, import.meta.url), "utf8")) as unknown);

describe("the reported suite (suites/v1-test.json)", () => {
  const suite = readSuite("v1-test.json");

  it("has ≥ 40 prompts including the seed's example 1", () => {
    expect(suite.length).toBeGreaterThanOrEqual(40);
    expect(suite.map((e) => e.prompt)).toContain(
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
    );
  });

  it("covers every place, motion, relation, shape, color and joiner", () => {
    const clauses = suite.flatMap((e) => e.clauses);
    const text = suite.map((e) => e.prompt.toLowerCase()).join("\n");
    const places = new Set(
      clauses.flatMap((c) => (c.kind === "motion" ? [c.from, c.to] : c.kind === "stationary" ? [c.at] : [])),
    );
    expect([...PLACES].filter((p) => !places.has(p))).toEqual([]);
    expect(RELATIONS.filter((r) => !clauses.some((c) => c.kind === "relation" && c.relation === r))).toEqual([]);
    expect(SHAPES.filter((s) => !suite.some((e) => e.objects.some((o) => o.shape === s)))).toEqual([]);
    expect(COLORS.filter((c) => !suite.some((e) => e.objects.some((o) => o.color === c)))).toEqual([]);
    const words = [...MOVE_VERBS, ...Object.keys(FALL_VERBS), ...STAY_PHRASES, " while ", " and ", ", and ", " as "];
    expect(words.filter((w) => !text.includes(w))).toEqual([]);
  });

  it("agrees with the prompt parser on every entry", () => {
    for (const entry of suite)
      expect(parsePrompt(entry.prompt), entry.prompt).toEqual({ objects: entry.objects, clauses: entry.clauses });
  });
});

// 96 captions written by the training caption generator for random scenes, with the clauses of the
// scenes themselves (in scene order, not mention order): the parser must read the generator's
// phrasing the way the scenes mean it.
describe("the dev suite (suites/v1-dev.json)", () => {
  const entries = readSuite("v1-dev.json");

  it("has the 96 generated captions", () => {
    expect(entries.length).toBe(96);
  });

  it("agrees with the prompt parser on every generated caption", () => {
    const sorted = (items: readonly object[]) => items.map((i) => JSON.stringify(i)).sort();
    for (const entry of entries) {
      const parsed = parsePrompt(entry.prompt);
      expect(sorted(parsed.objects), entry.prompt).toEqual(sorted(entry.objects));
      expect(sorted(parsed.clauses), entry.prompt).toEqual(sorted(entry.clauses));
    }
  });
});

describe("parseSuite", () => {
  it("parses bare prompts and entries without clauses", () => {
    const [a, b] = parseSuite(["A red ball falls.", { id: "x", prompt: "A blue box stays at the top." }]);
    expect(a).toMatchObject({ id: "p01", objects: [{ color: "red", shape: "ball" }] });
    expect(b?.clauses.at(-1)).toEqual({ kind: "stationary", color: "blue", at: "top" });
  });

  it.each<[unknown, string, RegExp]>([
    [{}, "$", /JSON array/],
    [[], "$", /at least one/],
    [[{ prompt: "" }], "[0].prompt", /non-empty/],
    [
      [{ prompt: "x", objects: [{ color: "pink", shape: "ball" }], clauses: [] }],
      "[0].objects[0].color",
      /"pink" is not one of red/,
    ],
    [
      [
        {
          prompt: "x",
          objects: [{ color: "red", shape: "ball" }],
          clauses: [{ kind: "motion", color: "red", from: "lefty", to: "top" }],
        },
      ],
      "[0].clauses[0].from",
      /"lefty" is not one of left/,
    ],
    [
      [
        {
          prompt: "x",
          objects: [{ color: "red", shape: "ball" }],
          clauses: [{ kind: "relation", color: "red", relation: "above", other: "blue" }],
        },
      ],
      "[0].clauses[0].other",
      /"blue" is not one of red$/,
    ],
    [[{ prompt: "x", objects: [], clauses: [{ kind: "teleport" }] }], "[0].clauses[0].kind", /"teleport"/],
    [["A red ball falls", { id: "p01", prompt: "A red ball rises" }], "[1].id", /duplicate id "p01"/],
    [
      ["A red ball falls", "A red ball jumps"],
      "[1].prompt",
      /cannot read "a red ball jumps".*give objects and clauses/,
    ],
  ])("rejects %j naming %s", (value, path, message) => {
    let error: unknown;
    try {
      parseSuite(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SuiteFormatError);
    expect((error as SuiteFormatError).path).toBe(path);
    expect((error as Error).message).toMatch(message);
  });
});
