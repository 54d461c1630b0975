import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { evaluateVideo } from "./evaluate.js";
import { BALL_FILL, SceneRead, SQUARE_FILL } from "./read-frames.js";
import { renderScene } from "./render-scene.js";
import { type Clause, objectTotal, type SceneSpec } from "./scene.js";
import { parseSuite } from "./suite.js";

const SUITES = new URL("../suites/", import.meta.url);
const suiteFiles = readdirSync(SUITES).filter((f) => /^v[12]-.*\.json$/.test(f));

/** The clauses a ground-truth clip fails, with the evaluator's reasons. */
function failures(spec: SceneSpec, seed: number, width: number, height: number, frames: number): string[] {
  const result = evaluateVideo(renderScene(spec, { seed, width, height, frames }), spec);
  return result.clauses.filter((c) => !c.pass).map((c) => `${c.clause.kind}: ${c.reason}`);
}

describe("ground truth (renderScene) passes the evaluator", () => {
  it("finds the committed suites", () => {
    expect(suiteFiles).toEqual(expect.arrayContaining(["v1-dev.json", "v1-test.json"]));
  });

  it.each(suiteFiles)(
    "on every entry of suites/%s at its format, seeds 1 and 2",
    (file) => {
      const suite = parseSuite(JSON.parse(readFileSync(new URL(file, SUITES), "utf8")));
      const failed = suite.flatMap((entry) =>
        [1, 2].flatMap((seed) =>
          failures(entry, seed, entry.width ?? 64, entry.height ?? 64, entry.num_frames ?? 16).map(
            (f) => `${entry.id} [${seed}] ${entry.prompt}: ${f}`,
          ),
        ),
      );
      expect(failed).toEqual([]);
    },
    120_000,
  );

  // Generated v2 scenes of every kind (the training's captions and specs, src/fixtures/python-captions-v2.json.gz)
  // at every size × length. Any failing clause fails the test unless it is the known shape misread at
  // 64×64 (`isSmallShapeMisread`, below); world2.py's and layout.ts's orbit start and back-and-forth
  // turn are fixed and no longer excused.
  it("on 100 generated v2 scenes at every size and length (beyond the known 64×64 shape misread)", () => {
    const unexplained = GENERATED.filter((_, i) => i % 10 === 0).flatMap((spec, i) => {
      const [width = 64, height = 64, frames = 16] = FORMATS[i % FORMATS.length] ?? [];
      return unexcusedFailures(spec, i, { width, height, frames }).map(
        (f) => `${spec.caption} (${width}x${height}x${frames}): ${f}`,
      );
    });
    expect(unexplained).toEqual([]);
  }, 120_000);

  // The excuse stays honest. The sample above meets no failure at all today; over all 1000 generated
  // scenes at two seeds each (formats cycled as above) 8 of 2000 clips fail, every one a shape clause at
  // 64×64 with 3+ objects. Two of them (at 64×64 × 16: a triangle read as a ball at fill 0.67, a ball
  // read as a square at fill 0.88):
  // If these stop failing, the misread is gone and `isSmallShapeMisread` should go too.
  it.each([
    [105, 1105],
    [409, 1409],
  ])("the 64×64 shape misread still happens (generated scene %i, seed %i) and is all that fails", (index, seed) => {
    const spec = GENERATED[index] as GeneratedSpec;
    const format = { width: 64, height: 64, frames: 16 };
    const result = evaluateVideo(renderScene(spec, { seed, ...format }), spec);
    const failed = result.clauses.filter((c) => !c.pass);
    expect(failed.map((c) => c.clause.kind)).toEqual(["shape"]);
    expect(unexcusedFailures(spec, seed, format)).toEqual([]);
  });
});

type GeneratedSpec = SceneSpec & { caption: string };
type Format = { width: number; height: number; frames: number };

const GENERATED = JSON.parse(
  gunzipSync(readFileSync(new URL("./fixtures/python-captions-v2.json.gz", import.meta.url))).toString(),
) as GeneratedSpec[];
const FORMATS = [64, 128, 256, 144].flatMap((h) => [8, 16, 24, 32].map((f) => [h === 144 ? 256 : h, h, f]));

/** The failing clauses of a ground-truth clip that `isSmallShapeMisread` does not excuse, with the evaluator's reasons. */
function unexcusedFailures(spec: SceneSpec, seed: number, format: Format): string[] {
  const result = evaluateVideo(renderScene(spec, { seed, ...format }), spec);
  const scene = new SceneRead(result.reads, spec.objects);
  return result.clauses
    .filter((c) => !c.pass && !isSmallShapeMisread(c.clause, format, spec, scene))
    .map((c) => `${c.clause.kind}: ${c.reason}`);
}

/** Fill boundaries between neighbouring shapes (read-frames.ts `shapeFromFill`). */
const FILL_BOUNDARY: Partial<Record<string, number>> = {
  "triangle>ball": BALL_FILL,
  "ball>triangle": BALL_FILL,
  "ball>square": SQUARE_FILL,
  "square>ball": SQUARE_FILL,
};
/** How close to a boundary a misread's fill must lie to be excused (seen: within 0.013). */
const FILL_MARGIN = 0.02;

/**
 * The one failure ground truth may still have: at 64×64 with 3–6 objects an object's size is 1/7 of
 * 64 (about 9 pixels across, 37–71 pixels of area), and rasterised that small its bounding-box fill
 * can land just across one of DESIGN.md's fill thresholds (ball ≥ 0.66, square ≥ 0.87): a triangle
 * reads as a ball (fill ≈ 0.67), a ball as a square (fill ≈ 0.88). Excused only for a shape clause
 * at 64×64 with an object total of 3 or more, and only when every wrong read of that colour is the
 * neighbouring shape with a fill within `FILL_MARGIN` of the threshold between the two.
 */
function isSmallShapeMisread(clause: Clause, { width, height }: Format, spec: SceneSpec, scene: SceneRead): boolean {
  if (clause.kind !== "shape" || width !== 64 || height !== 64 || objectTotal(spec.objects) < 3) return false;
  const group = scene.count(clause.color) > 1;
  const reads = Array.from({ length: scene.frames }, (_, f) => scene.members(f, clause.color)).flatMap((objects) =>
    group ? objects : objects.slice(0, 1),
  );
  const wrong = reads.filter((o) => o.shape !== clause.shape);
  return (
    wrong.length > 0 &&
    wrong.every((o) => {
      const boundary = FILL_BOUNDARY[`${clause.shape}>${o.shape}`];
      return boundary !== undefined && Math.abs(o.fill - boundary) <= FILL_MARGIN;
    })
  );
}
