import { describe, expect, it } from "vitest";
import reportedSuite from "../suites/v1-test.json" with { type: "json" };
import { PromptParseError } from "./errors.js";
import { parsePrompt } from "./parse-prompt.js";
import type { SceneSpec } from "./scene.js";

describe("parsePrompt", () => {
  it("reads the seed's example 1", () => {
    const spec = parsePrompt(
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
    );
    expect(spec).toEqual({
      objects: [
        { color: "yellow", shape: "ball" },
        { color: "blue", shape: "square" },
      ],
      clauses: [
        { kind: "presence" },
        { kind: "shape", color: "yellow", shape: "ball" },
        { kind: "motion", color: "yellow", from: "left edge", to: "center" },
        { kind: "shape", color: "blue", shape: "square" },
        { kind: "stationary", color: "blue", at: "right" },
      ],
    });
  });

  // Golden: the reported suite's hand-annotated clauses (suites/v1-test.json, written from SPECS in
  // training/shapeworld/suites.py by its parse_spec), an independent reference for every phrasing it uses.
  it.each((reportedSuite as (SceneSpec & { prompt: string })[]).map((s) => [s.prompt, s] as const))(
    "matches the training annotation: %s",
    (prompt, spec) => {
      expect(parsePrompt(prompt)).toEqual({ objects: spec.objects, clauses: spec.clauses });
    },
  );

  it.each([
    ["A red dot falls.", { kind: "motion", color: "red", from: "top", to: "bottom" }],
    ["a red dot rises up", { kind: "motion", color: "red", from: "bottom", to: "top" }],
    [
      "A red dot falls from the top edge to the bottom edge",
      { kind: "motion", color: "red", from: "top edge", to: "bottom edge" },
    ],
    [
      "A red dot moves from the top left to the bottom right corner",
      { kind: "motion", color: "red", from: "top-left", to: "bottom-right" },
    ],
    ["A red dot drifts from the middle to the centre", { kind: "motion", color: "red", from: "center", to: "center" }],
    ["A red dot sits still", { kind: "stationary", color: "red", at: null }],
    [
      "A red dot is stationary near the right edge of the frame",
      { kind: "stationary", color: "red", at: "right edge" },
    ],
  ])("reads %j", (prompt, clause) => {
    expect(parsePrompt(prompt).clauses.at(-1)).toEqual(clause);
  });

  it("splits every joiner and a leading while", () => {
    for (const joined of [
      "a red ball falls while a blue box rises",
      "a red ball falls and a blue box rises",
      "a red ball falls, and a blue box rises",
      "a red ball falls as a blue box rises",
      "while a red ball falls, a blue box rises",
    ]) {
      expect(parsePrompt(joined).clauses.filter((c) => c.kind === "motion")).toEqual([
        { kind: "motion", color: "red", from: "top", to: "bottom" },
        { kind: "motion", color: "blue", from: "bottom", to: "top" },
      ]);
    }
  });

  it("merges a second mention of the same object", () => {
    const spec = parsePrompt("A red ball is above a blue square, and the blue square stays at the bottom");
    expect(spec.objects).toHaveLength(2);
    expect(spec.clauses).toEqual([
      { kind: "presence" },
      { kind: "shape", color: "red", shape: "ball" },
      { kind: "shape", color: "blue", shape: "square" },
      { kind: "stationary", color: "blue", at: "bottom" },
      { kind: "relation", color: "red", relation: "above", other: "blue" },
    ]);
  });

  it.each([
    ["", /empty/],
    ["A red ball jumps over the moon", /cannot read "a red ball jumps over the moon"/],
    ["A pink ball falls", /cannot read/],
    ["A red ball falls and the red square rises", /red object is both a ball and a square/],
    ["A red ball falls, a blue ball rises and a green ball stays", /cannot read|at most two objects/],
    // World v2 draws up to six objects, so three singles are a scene; seven are not.
    [
      "A red ball falls while a blue ball rises and a green ball stays and five white dots stay in a circle",
      /a scene has at most six objects; this prompt names 8/,
    ],
    ["A red ball moves from the left to the moon", /cannot read/],
  ])("rejects %j", (prompt, message) => {
    expect(() => parsePrompt(prompt)).toThrow(PromptParseError);
    expect(() => parsePrompt(prompt)).toThrow(message);
  });
});

// World v2 (WORLD-V2.md): expected specs are written from its grammar and clause order by hand.
const CASE_1 =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
const CASE_2 = "Three red balls in a row slide from the top to the bottom.";
const CASE_3 = "A white ball stands in the middle of a circle of five yellow dots.";

/** The clauses after presence and the thing's shape (and formation): what the prompt says it does. */
const lastClause = (prompt: string) => parsePrompt(prompt).clauses.at(-1);

describe("parsePrompt, world v2", () => {
  it("reads the seed's case 1 exactly as v1 did (no count or formation fields)", () => {
    expect(parsePrompt(CASE_1)).toEqual({
      objects: [
        { color: "yellow", shape: "ball" },
        { color: "blue", shape: "square" },
      ],
      clauses: [
        { kind: "presence" },
        { kind: "shape", color: "yellow", shape: "ball" },
        { kind: "motion", color: "yellow", from: "left edge", to: "center" },
        { kind: "shape", color: "blue", shape: "square" },
        { kind: "stationary", color: "blue", at: "right" },
      ],
    });
    expect(Object.keys(parsePrompt(CASE_1).objects[0] ?? {})).toEqual(["color", "shape"]);
  });

  it("reads the seed's case 2: a group in a row moving as one", () => {
    expect(parsePrompt(CASE_2)).toEqual({
      objects: [{ color: "red", shape: "ball", count: 3, formation: "row" }],
      clauses: [
        { kind: "presence" },
        { kind: "shape", color: "red", shape: "ball" },
        { kind: "formation", color: "red", formation: "row" },
        { kind: "motion", color: "red", from: "top", to: "bottom" },
      ],
    });
  });

  it("reads the seed's case 3: a single in the middle of a circle, both stationary at the center", () => {
    expect(parsePrompt(CASE_3)).toEqual({
      objects: [
        { color: "white", shape: "ball" },
        { color: "yellow", shape: "ball", count: 5, formation: "circle" },
      ],
      clauses: [
        { kind: "presence" },
        { kind: "shape", color: "white", shape: "ball" },
        { kind: "stationary", color: "white", at: "center" },
        { kind: "shape", color: "yellow", shape: "ball" },
        { kind: "formation", color: "yellow", formation: "circle" },
        { kind: "stationary", color: "yellow", at: "center" },
      ],
    });
  });

  describe("groups", () => {
    const plurals = [
      ["balls", "ball"],
      ["circles", "ball"],
      ["spheres", "ball"],
      ["dots", "ball"],
      ["squares", "square"],
      ["boxes", "square"],
      ["cubes", "square"],
      ["blocks", "square"],
      ["triangles", "triangle"],
    ] as const;
    const counts = [
      ["two", 2],
      ["three", 3],
      ["four", 4],
      ["five", 5],
    ] as const;

    it.each(plurals.flatMap(([plural, shape]) => counts.map(([word, count]) => [word, plural, count, shape] as const)))(
      "reads %s %s",
      (word, plural, count, shape) => {
        expect(parsePrompt(`${word} orange ${plural} stay at the top`)).toEqual({
          objects: [{ color: "orange", shape, count, formation: null }],
          clauses: [
            { kind: "presence" },
            { kind: "shape", color: "orange", shape },
            { kind: "stationary", color: "orange", at: "top" },
          ],
        });
      },
    );

    it.each([
      [
        "Two green boxes move from the left to the right",
        { kind: "motion", color: "green", from: "left", to: "right" },
      ],
      [
        "Two green boxes roll from the top-left to the bottom-right",
        { kind: "motion", color: "green", from: "top-left", to: "bottom-right" },
      ],
      [
        "Two green boxes slide from the right edge to the center",
        { kind: "motion", color: "green", from: "right edge", to: "center" },
      ],
      [
        "Two green boxes glide from the bottom to the top",
        { kind: "motion", color: "green", from: "bottom", to: "top" },
      ],
      [
        "Two green boxes travel from the left side to the middle",
        { kind: "motion", color: "green", from: "left", to: "center" },
      ],
      [
        "Two green boxes drift from the top right corner to the left",
        { kind: "motion", color: "green", from: "top-right", to: "left" },
      ],
      ["Two green boxes fall", { kind: "motion", color: "green", from: "top", to: "bottom" }],
      ["Two green boxes rise up", { kind: "motion", color: "green", from: "bottom", to: "top" }],
      [
        "Two green boxes fall from the top edge to the bottom edge",
        { kind: "motion", color: "green", from: "top edge", to: "bottom edge" },
      ],
      ["Two green boxes stay on the left", { kind: "stationary", color: "green", at: "left" }],
      ["Two green boxes remain at the bottom-left", { kind: "stationary", color: "green", at: "bottom-left" }],
      ["Two green boxes sit still near the right edge", { kind: "stationary", color: "green", at: "right edge" }],
      ["Two green boxes are stationary", { kind: "stationary", color: "green", at: null }],
      ["Two green boxes stand in the top-right corner", { kind: "stationary", color: "green", at: "top-right" }],
      ["Two green boxes are at the top", { kind: "stationary", color: "green", at: "top" }],
      ["Two green boxes sit along the bottom", { kind: "stationary", color: "green", at: "bottom" }],
      ["Two green boxes remain", { kind: "stationary", color: "green", at: null }],
    ])("reads the plural verb in %j", (prompt, clause) => {
      expect(parsePrompt(prompt).objects).toEqual([{ color: "green", shape: "square", count: 2, formation: null }]);
      expect(lastClause(prompt)).toEqual(clause);
    });
  });

  describe("formations", () => {
    it.each([
      ["a row of four green squares along the bottom", "green", "square", 4, "row", "bottom"],
      ["a row of four green squares is along the bottom", "green", "square", 4, "row", "bottom"],
      ["A row of two red dots stands at the top edge", "red", "ball", 2, "row", "top edge"],
      ["a row of five white cubes sits in the middle", "white", "square", 5, "row", "center"],
      ["three blue dots in a column on the left", "blue", "ball", 3, "column", "left"],
      ["three blue dots are in a column on the left", "blue", "ball", 3, "column", "left"],
      ["a column of three purple triangles stays at the right edge", "purple", "triangle", 3, "column", "right edge"],
      ["four orange blocks stand in a column in the center", "orange", "square", 4, "column", "center"],
      ["three red balls in a row", "red", "ball", 3, "row", null],
      ["three red balls remain in a row", "red", "ball", 3, "row", null],
      // A circle is centred on the canvas by definition: without a place said, its stationary clause has none.
      ["five yellow dots in a circle", "yellow", "ball", 5, "circle", null],
      ["a circle of four green spheres", "green", "ball", 4, "circle", null],
      ["five yellow dots stay in a circle", "yellow", "ball", 5, "circle", null],
      ["three red cubes stand in a circle", "red", "square", 3, "circle", null],
      ["five yellow dots in a circle remain at the center of the screen", "yellow", "ball", 5, "circle", "center"],
    ])("reads %j", (prompt, color, shape, count, formation, at) => {
      expect(parsePrompt(prompt)).toEqual({
        objects: [{ color, shape, count, formation }],
        clauses: [
          { kind: "presence" },
          { kind: "shape", color, shape },
          { kind: "formation", color, formation },
          { kind: "stationary", color, at },
        ],
      });
    });

    it.each([
      ["four orange triangles in a row move from the top edge to the bottom edge", "row", "top edge", "bottom edge"],
      ["a column of three purple cubes slides from the left to the right", "column", "left", "right"],
      ["two white balls in a column drift from the right edge to the center", "column", "right edge", "center"],
    ])("moves a formation as one: %j", (prompt, formation, from, to) => {
      const spec = parsePrompt(prompt);
      expect(spec.objects[0]?.formation).toBe(formation);
      expect(spec.clauses.slice(2)).toEqual([
        { kind: "formation", color: spec.objects[0]?.color, formation },
        { kind: "motion", color: spec.objects[0]?.color, from, to },
      ]);
    });
  });

  describe("between", () => {
    it.each([
      "a red ball between a blue square and a green triangle",
      "A red ball is between a blue square and a green triangle.",
      "a red ball sits between a blue box and a green triangle",
      "a red dot stays between a blue cube and a green triangle",
      "the red sphere stands between the blue block and the green triangle",
      "a red circle remains between a blue square and a green triangle",
    ])("reads %j", (prompt) => {
      expect(parsePrompt(prompt)).toEqual({
        objects: [
          { color: "red", shape: "ball" },
          { color: "blue", shape: "square" },
          { color: "green", shape: "triangle" },
        ],
        clauses: [
          { kind: "presence" },
          { kind: "shape", color: "red", shape: "ball" },
          { kind: "shape", color: "blue", shape: "square" },
          { kind: "shape", color: "green", shape: "triangle" },
          { kind: "between", color: "red", a: "blue", b: "green" },
        ],
      });
    });

    it("keeps the between's own 'and' while splitting the clause joiners around it", () => {
      const prompt =
        "A red ball is between a blue square and a green triangle, while the blue square stays on the left and the green triangle stays on the right";
      expect(parsePrompt(prompt).clauses).toEqual([
        { kind: "presence" },
        { kind: "shape", color: "red", shape: "ball" },
        { kind: "shape", color: "blue", shape: "square" },
        { kind: "stationary", color: "blue", at: "left" },
        { kind: "shape", color: "green", shape: "triangle" },
        { kind: "stationary", color: "green", at: "right" },
        { kind: "between", color: "red", a: "blue", b: "green" },
      ]);
    });

    it("puts relations and betweens last, in mention order", () => {
      const spec = parsePrompt(
        "a purple dot is above an orange box and a red ball is between a white square and a blue triangle",
      );
      expect(spec.clauses.slice(-2)).toEqual([
        { kind: "relation", color: "purple", relation: "above", other: "orange" },
        { kind: "between", color: "red", a: "white", b: "blue" },
      ]);
    });
  });

  describe("the middle of a circle", () => {
    it.each([
      "a white ball in the middle of a circle of five yellow dots",
      "A white ball sits at the centre of a circle of five yellow dots",
      "a white dot is in the middle of a circle of five yellow balls",
      "a white sphere stays at the center of five yellow dots in a circle",
      "a white circle remains in the middle of a circle of five yellow spheres",
      "a white ball stands in the center of a circle of five yellow dots",
    ])("reads %j like case 3", (prompt) => {
      expect(parsePrompt(prompt)).toEqual(parsePrompt(CASE_3));
    });

    it("reads any circle group around any single", () => {
      expect(parsePrompt("a red triangle stands in the middle of a circle of three blue squares").objects).toEqual([
        { color: "red", shape: "triangle" },
        { color: "blue", shape: "square", count: 3, formation: "circle" },
      ]);
    });
  });

  describe("orbits", () => {
    it.each([
      ["A red ball circles around the center", "top"],
      ["a red ball circles around the centre of the screen", "top"],
      ["a red ball orbits the center", "top"],
      ["a red ball circles the center", "top"],
      ["a red ball circles the middle", "top"],
      ["a red ball orbits the center, starting at the left", "left"],
      ["a red ball circles around the center starting from the bottom-right corner", "bottom-right"],
      ["a red ball circles the center of the screen, starting at the right edge.", "right edge"],
    ])("reads %j", (prompt, start) => {
      expect(parsePrompt(prompt)).toEqual({
        objects: [{ color: "red", shape: "ball" }],
        clauses: [
          { kind: "presence" },
          { kind: "shape", color: "red", shape: "ball" },
          { kind: "orbit", color: "red", start },
        ],
      });
    });

    it("joins an orbit with other clauses, even after a leading while", () => {
      expect(
        parsePrompt("While a red ball orbits the center, starting at the left, a blue square stays in the middle."),
      ).toEqual(
        parsePrompt("a red ball orbits the center, starting at the left, while a blue square stays in the middle"),
      );
      const spec = parsePrompt(
        "a red ball orbits the center, starting at the left, while a blue square stays in the middle",
      );
      expect(spec.clauses.filter((c) => c.kind === "orbit" || c.kind === "stationary")).toEqual([
        { kind: "orbit", color: "red", start: "left" },
        { kind: "stationary", color: "blue", at: "center" },
      ]);
    });
  });

  describe("back and forth", () => {
    it.each([
      ["A red ball moves back and forth between the left and the right", "left", "right"],
      ["a red ball rolls back and forth between the top edge and the bottom edge", "top edge", "bottom edge"],
      ["a red ball slides back and forth between the top-left corner and the center", "top-left", "center"],
      ["a red ball glides back and forth between the left edge and the right edge", "left edge", "right edge"],
      ["a red ball travels back and forth between the bottom and the top", "bottom", "top"],
      ["a red ball drifts back and forth between the right and the middle of the screen", "right", "center"],
    ])("reads %j", (prompt, a, b) => {
      expect(lastClause(prompt)).toEqual({ kind: "back_and_forth", color: "red", a, b });
    });

    it("keeps its 'and's apart from the joiners", () => {
      expect(
        parsePrompt("a red ball moves back and forth between the left and the right and a blue square stays at the top")
          .clauses,
      ).toEqual([
        { kind: "presence" },
        { kind: "shape", color: "red", shape: "ball" },
        { kind: "back_and_forth", color: "red", a: "left", b: "right" },
        { kind: "shape", color: "blue", shape: "square" },
        { kind: "stationary", color: "blue", at: "top" },
      ]);
    });

    it("moves a group back and forth", () => {
      expect(
        parsePrompt("three red balls in a row slide back and forth between the top and the bottom").clauses,
      ).toEqual([
        { kind: "presence" },
        { kind: "shape", color: "red", shape: "ball" },
        { kind: "formation", color: "red", formation: "row" },
        { kind: "back_and_forth", color: "red", a: "top", b: "bottom" },
      ]);
    });
  });

  it.each([
    ["A white ball stands at the top", "top"],
    ["a white ball stands still", null],
    ["a white ball stands in the bottom-right corner", "bottom-right"],
    ["a white ball stays along the bottom edge", "bottom edge"],
  ])('reads "stands" and "along" for a single: %j', (prompt, at) => {
    expect(lastClause(prompt)).toEqual({ kind: "stationary", color: "white", at });
  });

  it("reads a six-object scene and merges a group's later mention", () => {
    const spec = parsePrompt(
      "three red balls in a row stay at the top, and a blue square moves from the left to the right and two green triangles fall",
    );
    expect(spec.objects).toEqual([
      { color: "red", shape: "ball", count: 3, formation: "row" },
      { color: "blue", shape: "square" },
      { color: "green", shape: "triangle", count: 2, formation: null },
    ]);
    expect(parsePrompt("three red balls fall while the three red balls stay in a row").objects).toEqual([
      { color: "red", shape: "ball", count: 3, formation: "row" },
    ]);
  });

  it.each([
    [
      "five red balls stay at the top and two blue balls stay at the bottom",
      /a scene has at most six objects; this prompt names 7/,
    ],
    [
      "a white ball stands in the middle of a circle of five yellow dots and a red ball falls",
      /at most six objects; this prompt names 7/,
    ],
    [
      "three red balls fall and a red ball rises",
      /red object is both three balls and a ball; each color names one thing/,
    ],
    ["three red balls fall and four red balls rise", /red object is both three balls and four balls/],
    [
      "three red dots in a row fall and the three red dots in a column stay on the left",
      /red object is both three balls in a row and three balls in a column/,
    ],
    [
      "three red balls in a row stay on the left",
      /a row stands at or moves between top, bottom, center, top edge, bottom edge; not "left"/,
    ],
    ["a row of three red balls moves from the left to the right", /a row .*not "left"/],
    ["three blue dots in a column fall", /a column .*not "top"/],
    ["three blue dots in a column stay in the top-left corner", /a column .*not "top-left"/],
    [
      "five yellow dots in a circle move from the left to the right",
      /a circle of objects is centred on the canvas and does not move/,
    ],
    ["five yellow dots in a circle stay at the top", /a circle .*not "top"/],
    ["five yellow dots in a circle move back and forth between the left and the right", /does not move/],
    ["three red dots in a row are in a column", /in a row or in a column, not both/],
    ["a red ball is above three blue squares", /a relation takes single objects, not groups/],
    ["a red ball is between three blue squares and a green triangle", /"between" takes single objects, not groups/],
    ["a white ball stands in the middle of a row of five yellow dots", /the middle of what\?/],
    ["a red ball orbits the center, starting at the center", /cannot start there/],
    ["a red ball stays in a row", /cannot read "a red ball stays in a row"/],
    ["six red balls fall", /cannot read/],
    ["one red ball falls", /cannot read/],
    ["three red ball fall", /cannot read/],
    ["a red balls falls", /cannot read/],
    ["three balls fall", /cannot read/],
    ["three red balls", /cannot read "three red balls"/],
    ["three red balls are", /cannot read/],
    ["three red balls orbit the center", /cannot read/],
    ["a red ball circles around a blue square", /cannot read/],
    ["a red ball moves back and forth", /cannot read/],
    ["a red ball is between a blue square", /cannot read/],
    ["a red ball moves around", /cannot read "a red ball moves around"/],
  ])("rejects %j", (prompt, message) => {
    expect(() => parsePrompt(prompt)).toThrow(PromptParseError);
    expect(() => parsePrompt(prompt)).toThrow(message);
  });

  it("names the part it could not read", () => {
    try {
      parsePrompt("Three red balls in a row slide from the top to the bottom while a blue cube jumps");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PromptParseError);
      expect((error as PromptParseError).fragment).toBe("a blue cube jumps");
    }
  });
});
