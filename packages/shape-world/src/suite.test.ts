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

  it("parses world v2 entries: groups, formations, the new clause kinds and the format fields", () => {
    const explicit = {
      id: "v2-explicit",
      prompt: "objects and clauses given explicitly are taken as they are, not parsed from the prompt",
      width: 256,
      height: 144,
      num_frames: 32,
      objects: [
        { color: "white", shape: "ball" },
        { color: "yellow", shape: "ball", count: 4, formation: "circle" },
        { color: "red", shape: "square", count: 1, formation: null },
      ],
      clauses: [
        { kind: "presence" },
        { kind: "formation", color: "yellow", formation: "circle" },
        { kind: "between", color: "white", a: "yellow", b: "red" },
        { kind: "orbit", color: "red", start: "top-left" },
        { kind: "back_and_forth", color: "white", a: "left edge", b: "center" },
      ],
    };
    const [entry, parsed] = parseSuite([
      explicit,
      { prompt: "Three red balls in a row slide from the top to the bottom.", num_frames: 8 },
    ]);
    expect(entry).toEqual(explicit);
    expect(parsed).toEqual({
      id: "p02",
      prompt: "Three red balls in a row slide from the top to the bottom.",
      num_frames: 8,
      ...parsePrompt("Three red balls in a row slide from the top to the bottom."),
    });
    expect(Object.keys(parseSuite(["A red ball falls."])[0] ?? {})).toEqual(["id", "prompt", "objects", "clauses"]);
  });

  const v2Entry = (patch: Record<string, unknown>) => [
    {
      prompt: "x",
      objects: [
        { color: "red", shape: "ball", count: 3, formation: "row" },
        { color: "blue", shape: "square" },
        { color: "green", shape: "triangle" },
      ],
      clauses: [],
      ...patch,
    },
  ];

  it.each<[unknown, string, RegExp]>([
    [v2Entry({ width: 0 }), "[0].width", /width must be a positive integer; got 0/],
    [v2Entry({ height: "64" }), "[0].height", /height must be a positive integer; got "64"/],
    [v2Entry({ num_frames: 7.5 }), "[0].num_frames", /num_frames must be a positive integer; got 7.5/],
    [v2Entry({ objects: [{ color: "red", shape: "ball", count: 6 }] }), "[0].objects[0].count", /from 1 to 5; got 6/],
    [v2Entry({ objects: [{ color: "red", shape: "ball", count: 0 }] }), "[0].objects[0].count", /got 0/],
    [v2Entry({ objects: [{ color: "red", shape: "ball", count: "3" }] }), "[0].objects[0].count", /got "3"/],
    [
      v2Entry({ objects: [{ color: "red", shape: "ball", count: 3, formation: "square" }] }),
      "[0].objects[0].formation",
      /"square" is not one of row, column, circle/,
    ],
    [
      v2Entry({ objects: [{ color: "red", shape: "ball", formation: "row" }] }),
      "[0].objects[0].formation",
      /a formation needs a group/,
    ],
    [
      v2Entry({
        objects: [
          { color: "red", shape: "ball", count: 5 },
          { color: "blue", shape: "ball", count: 2 },
        ],
      }),
      "[0].objects",
      /at most 6 objects; these objects count 7/,
    ],
    [
      v2Entry({
        objects: [
          { color: "red", shape: "ball" },
          { color: "red", shape: "ball", count: 2 },
        ],
      }),
      "[0].objects[1].color",
      /"red" is named twice/,
    ],
    [
      v2Entry({ clauses: [{ kind: "formation", color: "blue", formation: "row" }] }),
      "[0].clauses[0].color",
      /"blue" names a single object; a formation is a group's/,
    ],
    [
      v2Entry({ clauses: [{ kind: "formation", color: "red", formation: "line" }] }),
      "[0].clauses[0].formation",
      /"line" is not one of row, column, circle/,
    ],
    [
      v2Entry({ clauses: [{ kind: "between", color: "red", a: "blue", b: "white" }] }),
      "[0].clauses[0].b",
      /"white" is not one of red, blue, green/,
    ],
    [
      v2Entry({ clauses: [{ kind: "orbit", color: "green", start: "around" }] }),
      "[0].clauses[0].start",
      /"around" is not one of left/,
    ],
    [v2Entry({ clauses: [{ kind: "orbit", color: "green" }] }), "[0].clauses[0].start", /undefined is not one of/],
    [
      v2Entry({ clauses: [{ kind: "back_and_forth", color: "blue", a: "left", b: "middle" }] }),
      "[0].clauses[0].b",
      /"middle" is not one of left/,
    ],
    [v2Entry({ clauses: [{ kind: "constructor" }] }), "[0].clauses[0].kind", /back_and_forth; got "constructor"/],
    [
      ["A red ball falls", "Five red balls fall and two blue balls rise"],
      "[1].prompt",
      /at most six objects; this prompt names 7.*give objects and clauses/,
    ],
  ])("rejects world v2 entry %j naming %s", (value, path, message) => {
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
