import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { GRID_LAYOUT_MODEL_DIR, TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SuiteLoadError } from "./load-suite.js";
import { defaultSuitePath } from "./options.js";
import { CONTACT_SHEET_FILE, REPORT_FILE, runEval } from "./run-eval.js";

/** The runner's tiny random-weight model: it draws noise, so it scores ~0 — the test checks structure. */
const TINY_MODEL = TINY_MODEL_DIR;
const SUITE = [
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
  { id: "rel", prompt: "A red ball is above a blue square." },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sketchreel-eval-"));
  await writeFile(join(dir, "suite.json"), JSON.stringify(SUITE));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("runEval on the tiny random model", () => {
  it("generates and scores every prompt × seed, writes report.json and a contact sheet", async () => {
    const out: string[] = [];
    const outDir = join(dir, "out");
    const report = await runEval(
      {
        suitePath: join(dir, "suite.json"),
        seeds: [1, 2],
        modelDir: TINY_MODEL,
        steps: 1,
        outDir,
        json: false,
        groundTruth: false,
        threads: 1,
      },
      { stdout: (t) => out.push(t), stderr: () => {}, progress: false },
    );

    expect(report.model).toMatchObject({ id: "tiny-random", version: "1.0.0" });
    expect(report.params).toEqual({ seeds: [1, 2], steps: 1, guidance: null });
    expect(report.prompts.map((p) => p.id)).toEqual(["p01", "rel"]);
    for (const prompt of report.prompts) {
      expect(prompt.runs.map((r) => r.seed)).toEqual([1, 2]);
      for (const run of prompt.runs) {
        expect(run.clauses.map((c) => c.kind)).toEqual(prompt.clauses.map((c) => c.kind));
        for (const c of run.clauses) expect(c.reason.length).toBeGreaterThan(5);
        expect(run.pass).toBe(run.clauses.every((c) => c.pass));
      }
    }
    // Clause counts follow from the suite: p01 has presence, 2 shapes, motion, stationary; rel has presence, 2 shapes, relation.
    const totals = Object.fromEntries(Object.entries(report.summary.per_kind).map(([k, t]) => [k, t.total]));
    expect(totals).toEqual({ presence: 4, shape: 8, motion: 2, stationary: 2, relation: 2 });
    expect(report.summary.runs).toBe(4);
    expect(report.summary.seconds_per_video).toBeGreaterThan(0);

    expect(JSON.parse(await readFile(join(outDir, REPORT_FILE), "utf8"))).toEqual(report);
    const table = out.join("");
    expect(table).toMatch(/^id\s+correct\s+presence/);
    expect(table).toMatch(/\nrel\s+\d\/2\s+\d\/2\s+\d\/4\s+-\s+-\s+\d\/2\s+A red ball is above a blue square\./);
    expect(table).toMatch(/fully correct: [\d.]+ % of runs \(\d\/4\)/);

    // The contact sheet is a real PNG: ffprobe decodes it; 4 rows of 128 px tiles (64 px frames ×2).
    const { stdout } = await promisify(execFile)("ffprobe", [
      ...["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "json"],
      join(outDir, CONTACT_SHEET_FILE),
    ]);
    const [stream] = JSON.parse(stdout).streams;
    expect(stream.codec_name).toBe("png");
    expect(stream.height).toBeGreaterThanOrEqual(4 * 128);
    expect(stream.width).toBeGreaterThanOrEqual(3 * 128);
  });
});

describe("runEval on a suite whose entries carry their format (world v2)", () => {
  const FORMATS_SUITE = [
    { id: "square", prompt: "A red ball falls." },
    { id: "wide", prompt: "A red ball falls.", width: 256, height: 144, num_frames: 8 },
    { id: "big", prompt: "A blue square is above a red ball.", width: 128, height: 128, num_frames: 4 },
  ];

  it("generates each entry at its own size and frame count and scores each format apart", async () => {
    await writeFile(join(dir, "formats.json"), JSON.stringify(FORMATS_SUITE));
    const report = await runEval(
      {
        suitePath: join(dir, "formats.json"),
        seeds: [1],
        modelDir: GRID_LAYOUT_MODEL_DIR,
        steps: 1,
        outDir: join(dir, "formats"),
        json: true,
        groundTruth: false,
        threads: 1,
      },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    const made = report.prompts.map((p) => ({ id: p.id, format: p.format, run: p.runs[0] }));
    expect(made).toMatchObject([
      { id: "square", format: {}, run: { width: 64, height: 64, num_frames: 8 } }, // the model's defaults
      {
        id: "wide",
        format: { width: 256, height: 144, num_frames: 8 },
        run: { width: 256, height: 144, num_frames: 8 },
      },
      {
        id: "big",
        format: { width: 128, height: 128, num_frames: 4 },
        run: { width: 128, height: 128, num_frames: 4 },
      },
    ]);
    expect(Object.keys(report.summary.per_format)).toEqual(["64x64@8f", "256x144@8f", "128x128@4f"]);
    const wide = report.summary.per_format["256x144@8f"]!;
    expect(wide).toMatchObject({ width: 256, height: 144, num_frames: 8, runs: 1 });
    expect(Object.keys(wide.per_kind)).toEqual(["presence", "shape", "motion"]);
    expect(report.summary.per_format["128x128@4f"]?.per_kind.relation?.total).toBe(1);
  });

  it("draws the ground truth at each entry's format too, and it scores 100 % in each", async () => {
    await writeFile(join(dir, "formats.json"), JSON.stringify(FORMATS_SUITE));
    const report = await runEval(
      {
        suitePath: join(dir, "formats.json"),
        seeds: [1, 2],
        outDir: join(dir, "gt-formats"),
        json: true,
        groundTruth: true,
      },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    expect(Object.keys(report.summary.per_format)).toEqual(["64x64@16f", "256x144@8f", "128x128@4f"]);
    for (const scores of Object.values(report.summary.per_format)) expect(scores.fully_correct.pct).toBe(100);
  });

  it("refuses, before drawing anything, a suite with formats the model lacks, naming each entry", async () => {
    await writeFile(join(dir, "formats.json"), JSON.stringify(FORMATS_SUITE));
    const run = runEval(
      {
        suitePath: join(dir, "formats.json"),
        seeds: [1],
        modelDir: TINY_MODEL,
        outDir: join(dir, "refused"),
        json: true,
        groundTruth: false,
        threads: 1,
      },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    await expect(run).rejects.toBeInstanceOf(SuiteLoadError);
    await expect(run).rejects.toThrow(
      [
        "the model cannot draw 2 suite entries at their format:",
        "  wide (256x144, 8 frames): width must be at most 64 (got 256) for model tiny-random; height must be at most 64 (got 144) for model tiny-random",
        "  big (128x128, 4 frames): width must be at most 64 (got 128) for model tiny-random; height must be at most 64 (got 128) for model tiny-random",
      ].join("\n"),
    );
  });
});

describe("runEval --ground-truth", () => {
  it("scores the shipped suite at 100 % end to end, with seed variety above the bar", async () => {
    const out: string[] = [];
    const report = await runEval(
      { suitePath: defaultSuitePath(), seeds: [1, 2], outDir: join(dir, "gt"), json: false, groundTruth: true },
      { stdout: (t) => out.push(t), stderr: () => {}, progress: false },
    );
    expect(report.model).toEqual({ dir: null, id: "ground-truth", version: "shape-world" });
    expect(report.summary.prompts).toBeGreaterThanOrEqual(40);
    expect(report.summary.fully_correct.pct).toBe(100);
    expect(Object.values(report.summary.per_kind).every((t) => t.pct === 100)).toBe(true);
    // DESIGN.md "Seeds": layouts are drawn from the seed, so seeds 1 and 2 put things visibly apart.
    const variety = report.summary.seed_variety;
    expect(variety?.prompts).toBe(report.summary.prompts);
    expect(variety?.mean_centroid_distance).toBeGreaterThan(0.05);
    expect(out.join("")).toContain(
      `seed variety: ${variety?.mean_centroid_distance.toFixed(3)} (bar ≥ 0.05: met) — mean centroid distance between seeds 1 and 2 over ${variety?.prompts} prompts fully correct on both`,
    );
  });

  it("scores ad-hoc --prompt texts, clauses parsed from each", async () => {
    const report = await runEval(
      {
        suitePath: defaultSuitePath(),
        prompts: ["A red ball falls while a blue box rises.", "A green triangle is to the left of a white dot"],
        seeds: [4, 5],
        outDir: join(dir, "adhoc"),
        json: true,
        groundTruth: true,
      },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    expect(report.suite).toBe("--prompt");
    expect(report.prompts.map((p) => p.clauses.map((c) => c.kind))).toEqual([
      ["presence", "shape", "motion", "shape", "motion"],
      ["presence", "shape", "shape", "relation"],
    ]);
    expect(report.summary.fully_correct).toEqual({ passed: 4, total: 4, pct: 100 });
  });
});

describe("the embedded model (shape-world-tiny, the default --model)", () => {
  it("draws DESIGN.md's example 1 at seed 3, the README's generate command: every clause passes", async () => {
    const example =
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
    const report = await runEval(
      {
        suitePath: defaultSuitePath(),
        prompts: [example],
        seeds: [3],
        outDir: join(dir, "embedded"),
        json: true,
        groundTruth: false,
      },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    expect(report.model).toMatchObject({ id: "shape-world-tiny" });
    const [run] = report.prompts[0]?.runs ?? [];
    expect(run?.clauses.filter((c) => !c.pass)).toEqual([]);
    expect(run?.clauses.map((c) => c.kind)).toEqual(["presence", "shape", "motion", "shape", "stationary"]);
  });
});
