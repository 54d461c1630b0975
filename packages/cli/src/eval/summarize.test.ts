import { evaluateVideo, layoutScene, parsePrompt, renderFrames, renderScene } from "@sketchreel/shape-world";
import { describe, expect, it } from "vitest";
import { formatTable } from "./format-table.js";
import type { EvalRun } from "./run-suite.js";
import { thingTracks } from "./seed-variety.js";
import { summarize } from "./summarize.js";

const EXAMPLE_1 =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
const RELATION = "A red ball is above a blue square.";

/** Scores real frames with the evaluator, as runSuite does (the model replaced by the ground-truth renderer). */
function scoredRun(id: string, prompt: string, seed: number, frames = renderScene(prompt, { seed })): EvalRun {
  const { pass, clauses, reads } = evaluateVideo(frames, prompt);
  const format = { width: frames.width, height: frames.height, num_frames: frames.frames.length };
  const tracks = thingTracks(reads, parsePrompt(prompt).objects);
  return { id, prompt, seed, pass, clauses, ms: 250, frames: [], ...format, tracks };
}

describe("summarize + formatTable", () => {
  // Known by construction: run 2 lacks the blue cube, so presence, its shape and stationary fail.
  const missingBlue = renderFrames(layoutScene(parsePrompt(EXAMPLE_1), { seed: 2 }).slice(0, 1));
  const runs = [
    scoredRun("sw-01", EXAMPLE_1, 1),
    scoredRun("sw-01", EXAMPLE_1, 2, missingBlue),
    scoredRun("sw-02", RELATION, 1),
  ];

  it("counts runs, prompts and clauses per kind", () => {
    const summary = summarize(runs);
    expect(summary).toEqual({
      prompts: 2,
      runs: 3,
      fully_correct: { passed: 2, total: 3, pct: 66.7 },
      prompts_fully_correct_all_seeds: { passed: 1, total: 2, pct: 50 },
      clause_accuracy: { passed: 11, total: 14, pct: 78.6 },
      per_kind: {
        presence: { passed: 2, total: 3, pct: 66.7 },
        shape: { passed: 5, total: 6, pct: 83.3 },
        motion: { passed: 2, total: 2, pct: 100 },
        stationary: { passed: 1, total: 2, pct: 50 },
        relation: { passed: 1, total: 1, pct: 100 },
      },
      seconds_per_video: 0.25,
      per_format: {
        "64x64@16f": {
          width: 64,
          height: 64,
          num_frames: 16,
          runs: 3,
          fully_correct: { passed: 2, total: 3, pct: 66.7 },
          clause_accuracy: { passed: 11, total: 14, pct: 78.6 },
          per_kind: {
            presence: { passed: 2, total: 3, pct: 66.7 },
            shape: { passed: 5, total: 6, pct: 83.3 },
            motion: { passed: 2, total: 2, pct: 100 },
            stationary: { passed: 1, total: 2, pct: 50 },
            relation: { passed: 1, total: 1, pct: 100 },
          },
          seconds_per_video: 0.25,
        },
      },
      seed_variety: null, // sw-01 fails on seed 2, sw-02 has no seed 2
    });
  });

  it("prints one line per prompt and the totals", () => {
    const lines = formatTable(runs, summarize(runs)).split("\n");
    expect(lines[0]).toMatch(/^id\s+correct\s+presence\s+shape\s+motion\s+stationary\s+relation\s+prompt$/);
    expect(lines[1]).toMatch(/^sw-01\s+1\/2\s+1\/2\s+3\/4\s+2\/2\s+1\/2\s+-\s+A yellow ball rolls/);
    expect(lines[2]).toMatch(/^sw-02\s+1\/1\s+1\/1\s+2\/2\s+-\s+-\s+1\/1\s+A red ball is above a blue square\.$/);
    expect(lines.at(-3)).toBe(
      "clause accuracy: 78.6 % (11/14) — presence 66.7 % · shape 83.3 % · motion 100.0 % · stationary 50.0 % · relation 100.0 %",
    );
    expect(lines.at(-2)).toBe(
      "fully correct: 66.7 % of runs (2/3), 1/2 prompts on every seed; 0.25 s per video (64x64@16f)",
    );
    expect(lines.at(-1)).toBe("seed variety: - (bar ≥ 0.05; no prompt fully correct on both seeds 1 and 2)");
  });

  it("measures and prints seed variety beside its bar when a prompt passes on seeds 1 and 2", () => {
    const both = [...runs, scoredRun("sw-02", RELATION, 2)];
    const summary = summarize(both);
    const distance = summary.seed_variety?.mean_centroid_distance ?? 0;
    expect(summary.seed_variety?.prompts).toBe(1);
    expect(distance).toBeGreaterThan(0.05);
    expect(formatTable(both, summary).split("\n").at(-1)).toBe(
      `seed variety: ${distance.toFixed(3)} (bar ≥ 0.05: met) — mean centroid distance between seeds 1 and 2 over 1 prompt fully correct on both`,
    );
  });

  it("says when seeds 1 and 2 were not both run", () => {
    const only1 = runs.filter((r) => r.seed === 1);
    expect(formatTable(only1, summarize(only1)).split("\n").at(-1)).toBe(
      "seed variety: - (bar ≥ 0.05; needs seeds 1 and 2)",
    );
  });
});

describe("summarize + formatTable over several formats", () => {
  // Ground-truth frames at 64×64 × 16 and at 128×128 × 8; sw-02 seed 2 lacks its blue square (by construction:
  // presence, its shape and the relation fail, so 1 of 4 clauses passes and 5 of 8 over the format).
  const big = renderScene(RELATION, { seed: 1, size: 128, frames: 8 });
  const runs = [
    scoredRun("sw-01", EXAMPLE_1, 1),
    scoredRun("sw-02", RELATION, 1, big),
    scoredRun(
      "sw-02",
      RELATION,
      2,
      renderFrames(layoutScene(parsePrompt(RELATION), { seed: 2, frames: 8 }).slice(0, 1), 128),
    ),
  ];

  it("scores each format (size × frames) apart, by clause kind too", () => {
    const { per_format } = summarize(runs);
    expect(Object.keys(per_format)).toEqual(["64x64@16f", "128x128@8f"]);
    expect(per_format["64x64@16f"]).toMatchObject({ runs: 1, fully_correct: { passed: 1, total: 1 } });
    expect(per_format["128x128@8f"]).toMatchObject({
      width: 128,
      height: 128,
      num_frames: 8,
      runs: 2,
      fully_correct: { passed: 1, total: 2, pct: 50 },
      per_kind: { presence: { passed: 1, total: 2 }, relation: { passed: 1, total: 2 } },
    });
    expect(Object.keys(per_format["128x128@8f"]!.per_kind)).toEqual(["presence", "shape", "relation"]);
  });

  it("adds a format column and a line per format", () => {
    const lines = formatTable(runs, summarize(runs)).split("\n");
    expect(lines[0]).toMatch(/^id\s+format\s+correct\s+presence\s+shape\s+motion\s+stationary\s+relation\s+prompt$/);
    expect(lines[2]).toMatch(/^sw-02\s+128x128@8f\s+1\/2\s+1\/2\s+/);
    expect(lines).toContain(
      "128x128@8f: fully correct 50.0 % (1/2), clause accuracy 62.5 % — presence 50.0 % · shape 75.0 % · relation 50.0 %; 0.25 s per video",
    );
    expect(lines.at(-2)).toBe("fully correct: 66.7 % of runs (2/3), 1/2 prompts on every seed; 0.25 s per video");
  });
});
