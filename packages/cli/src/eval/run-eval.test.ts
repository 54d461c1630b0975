import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("runEval --ground-truth", () => {
  it("scores the shipped suite at 100 % end to end", async () => {
    const report = await runEval(
      { suitePath: defaultSuitePath(), seeds: [1], outDir: join(dir, "gt"), json: true, groundTruth: true },
      { stdout: () => {}, stderr: () => {}, progress: false },
    );
    expect(report.model).toEqual({ dir: null, id: "ground-truth", version: "shape-world" });
    expect(report.summary.prompts).toBeGreaterThanOrEqual(40);
    expect(report.summary.fully_correct.pct).toBe(100);
    expect(Object.values(report.summary.per_kind).every((t) => t.pct === 100)).toBe(true);
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
