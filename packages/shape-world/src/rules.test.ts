import { describe, expect, it } from "vitest";
import { parsePrompt } from "./parse-prompt.js";
import type { FrameRead, ReadObject } from "./read-frames.js";
import { loadRulesReference, loadV2Verdicts } from "./reference-fixture.js";
import { type ClauseResult, checkClause, checkClauses, spearman } from "./rules.js";
import type { Clause, SceneObject } from "./scene.js";
import type { Color, Relation, Shape } from "./vocabulary.js";

const scenes = loadRulesReference();
const { cases, v1 } = loadV2Verdicts();
const INVERSE: Record<Relation, Relation> = {
  above: "below",
  below: "above",
  "to the left of": "to the right of",
  "to the right of": "to the left of",
};
/** A relation and its mirror ("A above B" = "B below A") compare equal; clause order is free. */
const canonical = (clauses: Clause[]) =>
  clauses
    .map((c) =>
      c.kind === "relation" && c.color > c.other
        ? { ...c, color: c.other, other: c.color, relation: INVERSE[c.relation] }
        : c,
    )
    .map((c) => JSON.stringify(c, Object.keys(c).sort()))
    .sort();

// Golden: training/shapeworld/rules.py's verdicts (training/scripts/make_eval_fixtures.py).
describe("rules agree with the training evaluator (training/shapeworld/rules.py)", () => {
  it("the fixtures cover passing and failing clauses of every kind", () => {
    const outcomes = new Set([...cases, ...v1].flatMap((s) => s.clauses.map((c, i) => `${c.kind}:${s.verdicts[i]}`)));
    for (const kind of ["presence", "shape", "motion", "stationary", "relation", "formation", "between", "orbit"]) {
      expect(outcomes).toContain(`${kind}:true`);
      expect(outcomes).toContain(`${kind}:false`);
    }
    expect(outcomes).toContain("back_and_forth:true");
    expect(outcomes).toContain("back_and_forth:false");
  });

  // v1 read-backs of python-rules-reference.json.gz (one blob per colour at 64²), perturbed.
  it.each(v1.map((s) => [s.seed, s.perturbation, s] as const))(
    "v1 scene %i (%s): same verdict per clause",
    (...[, , scene]) => {
      expect(checkClauses(scene.reads, scene.objects, scene.clauses).map((r) => r.pass)).toEqual(scene.verdicts);
    },
  );

  it.each(cases.map((c) => [c.name, `${c.width}×${c.height}`, c] as const))(
    "%s at %s: same verdict per clause on the Python read-back",
    (...[, , scene]) => {
      expect(checkClauses(scene.reads, scene.objects, scene.clauses).map((r) => r.pass)).toEqual(scene.verdicts);
    },
  );
});

describe("parsePrompt reads the training captions", () => {
  it.each(scenes.map((s) => [s.prompt, s] as const))("%s", (_prompt, scene) => {
    const spec = parsePrompt(scene.prompt);
    expect(spec.objects.map((o) => o.color).sort()).toEqual(scene.objects.map((o) => o.color).sort());
    expect(canonical(spec.clauses)).toEqual(canonical(scene.clauses));
  });
});

/** Synthetic reads on a 100×100 canvas: blobs at given points, by default of an area every scene here expects. */
const blob = (x: number, y: number, shape: Shape = "ball", area = 300): ReadObject => ({
  x,
  y,
  area,
  fill: 0.8,
  shape,
});
const frame = (blobs: Partial<Record<Color, ReadObject[]>>): FrameRead => ({ width: 100, height: 100, blobs });
const check = (reads: FrameRead[], objects: SceneObject[], clause: Clause): ClauseResult =>
  checkClause(reads, objects, clause);

describe("shape majority", () => {
  const read = (shape: "ball" | "square") => frame({ red: [blob(0.5, 0.5, shape, 300)] });
  const clause = { kind: "shape", color: "red", shape: "ball" } as const;
  const objects: SceneObject[] = [{ color: "red", shape: "ball" }];

  it("passes on a strict majority and fails on a tie (deterministically)", () => {
    expect(check([read("ball"), read("ball"), read("square")], objects, clause).pass).toBe(true);
    expect(check([read("ball"), read("square")], objects, clause)).toMatchObject({
      pass: false,
      reason: "red reads as no single shape: ball 1, square 1",
    });
  });

  it("counts every member of a group", () => {
    const group: SceneObject[] = [{ color: "red", shape: "ball", count: 3 }];
    const members = (...shapes: Shape[]) => frame({ red: shapes.map((s, i) => blob(0.2 + 0.3 * i, 0.5, s, 100)) });
    expect(check([members("ball", "ball", "square")], group, clause).pass).toBe(true);
    expect(check([members("ball", "square", "square")], group, clause)).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/^red reads as square in 2\/3 member reads .*, expected ball$/),
    });
  });
});

describe("presence", () => {
  // Six objects on 100²: size 1/7, a ball's expected area π(0.55 × 100/7)² ≈ 195 px.
  const objects: SceneObject[] = [
    { color: "yellow", shape: "ball", count: 5 },
    { color: "white", shape: "ball" },
  ];
  const members = (n: number, area = 190) =>
    Array.from({ length: n }, (_, i) => blob(0.1 + 0.15 * i, 0.5, "ball", area));
  const good = frame({ yellow: members(5), white: [blob(0.5, 0.8)] });

  it("holds in ≥ 90 % of frames: one stray frame of 16 is tolerated, two are not", () => {
    const stray = frame({ yellow: members(5), white: [blob(0.5, 0.8)], green: [blob(0.9, 0.9, "square", 60)] });
    const clip = (bad: number) => Array.from({ length: 16 }, (_, f) => (f < bad ? stray : good));
    expect(check(clip(1), objects, { kind: "presence" }).pass).toBe(true);
    expect(check(clip(2), objects, { kind: "presence" })).toMatchObject({
      pass: false,
      reason: "objects as named in 14/16 frames, needs ≥ 90 %: green: an unnamed object in 2/16 frames",
    });
  });

  it("counts the members of a group and names what is wrong", () => {
    expect(
      check([frame({ yellow: members(4), white: [blob(0.5, 0.8)] })], objects, { kind: "presence" }),
    ).toMatchObject({
      pass: false,
      reason: "objects as named in 0/1 frames, needs ≥ 90 %: yellow: 4 objects instead of 5 in 1/1 frames",
    });
    expect(
      check([frame({ yellow: members(5), white: [blob(0.5, 0.8), blob(0.5, 0.2)] })], objects, { kind: "presence" })
        .reason,
    ).toMatch(/white: 2 objects instead of 1 in 1\/1 frames$/);
  });

  it("bounds each object's area to 0.4–2.5× the expected; a smaller blob is no object at all", () => {
    const sized = (area: number) => [frame({ yellow: members(5), white: [blob(0.5, 0.8, "ball", area)] })];
    expect(check(sized(480), objects, { kind: "presence" }).pass).toBe(true); // 2.46×
    expect(check(sized(500), objects, { kind: "presence" }).reason).toMatch(/white: an object 2\.6× the expected area/);
    expect(check(sized(80), objects, { kind: "presence" }).pass).toBe(true); // 0.41×
    expect(check(sized(75), objects, { kind: "presence" }).reason).toMatch(/white: 0 objects instead of 1/); // 0.38×
  });
});

describe("motion", () => {
  const objects: SceneObject[] = [{ color: "red", shape: "ball" }];
  const clause = { kind: "motion", color: "red", from: "left", to: "right" } as const;
  const along = (xs: number[]) => xs.map((x) => frame({ red: [blob(x, 0.5)] }));

  it("needs progress that follows time (Spearman ≥ 0.8), not only no large step back", () => {
    // each step back is 0.025 (< the 0.03 tolerance), but the path dithers instead of moving
    const dither = [0.2, 0.45, 0.425, 0.45, 0.425, 0.45, 0.425, 0.45, 0.425, 0.45, 0.425, 0.45, 0.425, 0.45, 0.8];
    expect(check(along(dither), objects, clause)).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/^red: progress follows time with Spearman 0\.\d\d, needs ≥ 0\.8$/),
    });
    expect(check(along([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]), objects, clause).pass).toBe(true);
  });

  it("follows a group's mean and needs all its members in the first and last frame", () => {
    const group: SceneObject[] = [{ color: "red", shape: "ball", count: 2 }];
    const pair = (x: number) => frame({ red: [blob(x, 0.3), blob(x, 0.7)] });
    expect(check([pair(0.2), pair(0.5), pair(0.8)], group, clause).pass).toBe(true);
    const lost = frame({ red: [blob(0.8, 0.3)] });
    expect(check([pair(0.2), pair(0.5), lost], group, clause).reason).toBe("red not read in the last frame");
  });

  it("ranks ties together (average ranks)", () => {
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(0.9487, 4);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNaN();
  });
});

describe("formation, between, orbit and back and forth at their thresholds", () => {
  const group = (count: number, formation: SceneObject["formation"]): SceneObject[] => [
    { color: "green", shape: "square", count, formation },
  ];
  const points = (pts: [number, number][]) => [frame({ green: pts.map(([x, y]) => blob(x, y, "square", 160)) })];
  const formation = (kind: "row" | "column" | "circle") =>
    ({ kind: "formation", color: "green", formation: kind }) as const;

  it("row: spread across ≤ 0.08 and gaps within 1.6× of each other", () => {
    expect(
      check(
        points([
          [0.2, 0.5],
          [0.4, 0.54],
          [0.6, 0.47],
        ]),
        group(3, "row"),
        formation("row"),
      ).pass,
    ).toBe(true);
    expect(
      check(
        points([
          [0.2, 0.5],
          [0.4, 0.6],
          [0.6, 0.5],
        ]),
        group(3, "row"),
        formation("row"),
      ).reason,
    ).toMatch(/spread 0\.10 across the row, allowed 0\.08/);
    expect(
      check(
        points([
          [0.2, 0.5],
          [0.3, 0.5],
          [0.6, 0.5],
        ]),
        group(3, "row"),
        formation("row"),
      ).reason,
    ).toMatch(/largest gap 3\.0× the smallest/);
  });

  it("circle: members evenly round their mean", () => {
    const ring = (shift: number) =>
      Array.from({ length: 4 }, (_, k): [number, number] => {
        const a = (Math.PI / 2) * k + (k === 0 ? shift : 0);
        return [0.5 + 0.3 * Math.cos(a), 0.5 + 0.3 * Math.sin(a)];
      });
    expect(check(points(ring(0)), group(4, "circle"), formation("circle")).pass).toBe(true);
    expect(check(points(ring(0.5)), group(4, "circle"), formation("circle")).reason).toMatch(/largest gap/);
  });

  it("between: 20–80 % along the segment and within 0.12 of its line", () => {
    const objects: SceneObject[] = [
      { color: "red", shape: "ball" },
      { color: "blue", shape: "ball" },
      { color: "green", shape: "ball" },
    ];
    const clause = { kind: "between", color: "red", a: "blue", b: "green" } as const;
    const at = (x: number, y: number) => [
      frame({ red: [blob(x, y)], blue: [blob(0.1, 0.5)], green: [blob(0.9, 0.5)] }),
    ];
    expect(check(at(0.28, 0.5), objects, clause).pass).toBe(true); // 22 %
    expect(check(at(0.22, 0.5), objects, clause).reason).toMatch(/frame 0: 15 % along, 0\.00 off the line/);
    expect(check(at(0.5, 0.61), objects, clause).pass).toBe(true);
    expect(check(at(0.5, 0.63), objects, clause).reason).toMatch(/50 % along, 0\.13 off the line/);
  });

  it("orbit: turn ≥ 300° either way, radius 0.15–0.45, no step back", () => {
    const objects: SceneObject[] = [{ color: "purple", shape: "triangle" }];
    const clause = { kind: "orbit", color: "purple", start: "top" } as const;
    const path = (degrees: number[], radius = 0.3) =>
      degrees.map((d) => {
        const a = ((d - 90) * Math.PI) / 180;
        return frame({ purple: [blob(0.5 + radius * Math.cos(a), 0.5 + radius * Math.sin(a), "triangle", 100)] });
      });
    const turn = (total: number, n = 16) => Array.from({ length: n }, (_, f) => (total * f) / (n - 1));
    expect(check(path(turn(310)), objects, clause).pass).toBe(true);
    expect(check(path(turn(-310)), objects, clause).pass).toBe(true);
    expect(check(path(turn(290)), objects, clause).reason).toBe("purple: turns 290°, needs ≥ 300°");
    expect(check(path(turn(330), 0.1), objects, clause).reason).toMatch(/radius 0\.10 at frame 0, needs 0\.15–0\.45/);
    const jerky = turn(330).map((d, f) => (f === 8 ? d - 40 : d));
    expect(check(path(jerky), objects, clause).reason).toMatch(/turns back at frame 8/);
  });

  it("back and forth: b must be reached in the middle 35–65 % of the clip", () => {
    const objects: SceneObject[] = [{ color: "orange", shape: "ball" }];
    const clause = { kind: "back_and_forth", color: "orange", a: "left", b: "right" } as const;
    const visit = (f: number) =>
      Array.from({ length: 16 }, (_, g) => frame({ orange: [blob(g === f ? 0.8 : 0.2, 0.5)] }));
    expect(check(visit(6), objects, clause).pass).toBe(true); // 6 ≥ 0.35 × 15 = 5.25
    expect(check(visit(9), objects, clause).pass).toBe(true); // 9 ≤ 0.65 × 15 = 9.75
    expect(check(visit(5), objects, clause).reason).toMatch(/^orange: never in right in frames 6–9/);
    expect(check(visit(10), objects, clause).pass).toBe(false);
  });
});
