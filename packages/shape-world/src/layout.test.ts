import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CANDIDATES,
  chooseLayout,
  type LaidOutObject,
  layoutProgram,
  layoutScene,
  minGap,
  programFromSpec,
  type Thing,
} from "./layout.js";
import { parsePrompt } from "./parse-prompt.js";

/** One program of src/fixtures/python-layout-v2.json.gz (training/scripts/make_layout_fixture.py). */
interface PythonLayout {
  seed: number;
  kind: string;
  width: number;
  height: number;
  frames: number;
  things: Thing[];
  /** [CANDIDATES][things][8] uniform noise. */
  candidates: number[][][];
  /** world2.min_gap of each candidate's layout (null: infinite, one object). */
  gaps: (number | null)[];
  /** world2.choose's pick. */
  chosen: number;
  /** world2.layout of the chosen candidate. */
  objects: LaidOutObject[];
}

const loadPythonLayouts = (): PythonLayout[] =>
  JSON.parse(
    gunzipSync(readFileSync(new URL("./fixtures/python-layout-v2.json.gz", import.meta.url))).toString(),
  ) as PythonLayout[];

/** Largest coordinate difference between two layouts' centres (Infinity when their shapes differ). */
function worstCentre(a: readonly LaidOutObject[], b: readonly LaidOutObject[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  a.forEach((o, i) => {
    const other = b[i]?.centers ?? [];
    if (other.length !== o.centers.length) worst = Number.POSITIVE_INFINITY;
    o.centers.forEach(([x, y], f) => {
      const [ox, oy] = other[f] ?? [Number.NaN, Number.NaN];
      worst = Math.max(worst, Math.abs(x - ox), Math.abs(y - oy));
    });
  });
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

// Golden: training/shapeworld/world2.py's layout, min_gap and choose on the same programs and noise.
describe("the v2 layout twin (world2.py)", () => {
  const cases = loadPythonLayouts();

  it("covers every size, every length and every kind of scene", () => {
    expect(cases).toHaveLength(200);
    expect(new Set(cases.map((c) => `${c.width}x${c.height}`))).toEqual(
      new Set(["64x64", "128x128", "256x256", "256x144"]),
    );
    expect(new Set(cases.map((c) => c.frames))).toEqual(new Set([8, 16, 24, 32]));
    expect(new Set(cases.map((c) => c.kind)).size).toBe(10);
    expect(cases.every((c) => c.candidates.length === CANDIDATES)).toBe(true);
  });

  it("measures each candidate's gap as min_gap does (±1e-9)", () => {
    const off: string[] = [];
    for (const c of cases) {
      c.candidates.forEach((u, k) => {
        const gap = minGap(layoutProgram(c.things, u, c.width, c.height, c.frames), c.width, c.height);
        const want = c.gaps[k] ?? Number.POSITIVE_INFINITY;
        if (!(gap === want || Math.abs(gap - want) <= 1e-9)) off.push(`${c.seed}[${k}]: ${gap} vs ${want}`);
      });
    }
    expect(off).toEqual([]);
  });

  it("chooses the same candidate and lays it out to the same centres (±1e-9)", () => {
    const off: string[] = [];
    for (const c of cases) {
      const chosen = chooseLayout(c.things, c.candidates, c.width, c.height, c.frames);
      const objects = layoutProgram(c.things, c.candidates[chosen] ?? [], c.width, c.height, c.frames);
      const worst = worstCentre(objects, c.objects);
      const sameObjects = objects.every(
        (o, i) => o.color === c.objects[i]?.color && o.shape === c.objects[i]?.shape && o.size === c.objects[i]?.size,
      );
      if (chosen !== c.chosen || worst > 1e-9 || !sameObjects)
        off.push(`${c.seed} (${c.kind}): chose ${chosen} (python ${c.chosen}), centres off by ${worst}`);
    }
    expect(off).toEqual([]);
  });
});

describe("programFromSpec", () => {
  const program = (prompt: string) =>
    programFromSpec(parsePrompt(prompt)).map((t) => [t.color, t.count, t.formation, t.path, t.start, t.end]);

  // Golden: the programs of training/shapeworld/suites2.py's TEST lines for these prompts.
  it.each<[string, unknown[][]]>([
    [
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      [
        ["yellow", 1, null, "line", "left edge", "center"],
        ["blue", 1, null, "still", "right", "right"],
      ],
    ],
    ["Three red balls in a row slide from the top to the bottom.", [["red", 3, "row", "line", "top", "bottom"]]],
    [
      "A white ball stands in the middle of a circle of five yellow dots.",
      [
        ["white", 1, null, "still", "mid", "mid"],
        ["yellow", 5, "circle", "still", "mid", "mid"],
      ],
    ],
    ["A circle of four red triangles.", [["red", 4, "circle", "still", "mid", "mid"]]],
    ["Three blue dots in a column on the left.", [["blue", 3, "column", "still", "left", "left"]]],
    [
      "A red ball sits between a blue square and a green triangle.",
      [
        ["red", 1, null, "still", "between-mid", "between-mid"],
        ["blue", 1, null, "still", "between-left", "between-left"],
        ["green", 1, null, "still", "between-right", "between-right"],
      ],
    ],
    [
      "A blue box orbits the center while a red ball stays in the middle.",
      [
        ["blue", 1, null, "orbit", "top", "top"],
        ["red", 1, null, "still", "center", "center"],
      ],
    ],
    [
      "Three orange squares stand in a circle while a white dot stays in the middle.",
      [
        ["orange", 3, "circle", "still", "mid", "mid"],
        ["white", 1, null, "still", "mid", "mid"],
      ],
    ],
    [
      "A purple cube drifts back and forth between the bottom and the top edge.",
      [["purple", 1, null, "back_forth", "bottom", "top edge"]],
    ],
    [
      "A green triangle is below a yellow circle.",
      [
        ["green", 1, null, "still", "bottom", "bottom"],
        ["yellow", 1, null, "still", "top", "top"],
      ],
    ],
    [
      "A purple triangle sits to the right of a red cube.",
      [
        ["purple", 1, null, "still", "right", "right"],
        ["red", 1, null, "still", "left", "left"],
      ],
    ],
    ["Two green balls stay.", [["green", 2, null, "still", "center", "center"]]],
  ])("%s", (prompt, things) => {
    expect(program(prompt)).toEqual(things);
  });
});

describe("layoutScene", () => {
  const spec = parsePrompt("A red ball is above a blue square while three green dots in a row stay at the bottom.");

  it("repeats exactly with the same seed and varies with the seed", () => {
    expect(layoutScene(spec, { seed: 3 })).toEqual(layoutScene(spec, { seed: 3 }));
    const firsts = new Set([1, 2, 3, 4, 5].map((seed) => layoutScene(spec, { seed })[0]?.centers[0]?.join()));
    expect(firsts.size).toBe(5);
  });

  it("lays out at the canvas's aspect: a circle is round in pixels on 256×144", () => {
    for (const seed of [1, 2, 3]) {
      const ring = layoutScene(parsePrompt("Five yellow dots in a circle."), { seed, width: 256, height: 144 });
      const pixels = ring.map(({ centers: [[x, y] = [0, 0]] }) => [x * 256, y * 144] as const);
      const [mx, my] = [0, 1].map((i) => pixels.reduce((sum, p) => sum + (p[i] ?? 0), 0) / pixels.length);
      const radii = pixels.map(([x, y]) => Math.hypot(x - (mx ?? 0), y - (my ?? 0)) / 144);
      for (const r of radii) expect(r).toBeCloseTo(radii[0] ?? 0, 9);
      expect(radii[0]).toBeGreaterThanOrEqual(0.27);
      expect(radii[0]).toBeLessThanOrEqual(0.33);
    }
  });
});
