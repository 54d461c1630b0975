import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { evaluateVideo } from "./evaluate.js";
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
  // at every size × length. Failures that world2.py's own layout and the shared renderer/reader make
  // (KNOWN_WORLD2_ISSUES) are told apart from anything else, which fails the test.
  it("on 100 generated v2 scenes at every size and length (beyond known world2.py issues)", () => {
    const pairs = JSON.parse(
      gunzipSync(readFileSync(new URL("./fixtures/python-captions-v2.json.gz", import.meta.url))).toString(),
    ) as (SceneSpec & { caption: string })[];
    const formats = [64, 128, 256, 144].flatMap((h) => [8, 16, 24, 32].map((f) => [h === 144 ? 256 : h, h, f]));
    const unexplained = pairs
      .filter((_, i) => i % 10 === 0)
      .flatMap((spec, i) => {
        const [width = 64, height = 64, frames = 16] = formats[i % formats.length] ?? [];
        const result = evaluateVideo(renderScene(spec, { seed: i, width, height, frames }), spec);
        return result.clauses
          .filter(
            (c) => !c.pass && !KNOWN_WORLD2_ISSUES.some((known) => known(c.clause, { width, height, frames }, spec)),
          )
          .map((c) => `${spec.caption} (${width}x${height}x${frames}): ${c.clause.kind}: ${c.reason}`);
      });
    expect(unexplained).toEqual([]);
  }, 120_000);
});

type Format = { width: number; height: number; frames: number };
/**
 * Ground truth that world2.py itself draws wrong (reported; the twin copies it): an orbit starting
 * in a corner on 16:9 may start outside the corner's region (its start angle is the box centre's
 * angle in shorter-side units, ±0.35 rad); a back-and-forth path at 8 frames turns between frames 3
 * and 4 and only gets 6/7 of the way to b; and 1/7-sized objects at 64×64 (9 pixels) may read as
 * another shape.
 */
const KNOWN_WORLD2_ISSUES: ((clause: Clause, format: Format, spec: SceneSpec) => boolean)[] = [
  (c, { width, height }) => c.kind === "orbit" && c.start.includes("-") && width !== height,
  (c, { frames }) => c.kind === "back_and_forth" && frames === 8,
  (c, { width, height }, spec) => c.kind === "shape" && width === 64 && height === 64 && objectTotal(spec.objects) > 2,
];
