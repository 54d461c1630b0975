import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sketchreelInProcess } from "../../test/in-process.js";

const BIN = fileURLToPath(new URL("../../bin/sketchreel.mjs", import.meta.url));
const TINY_MODEL = TINY_MODEL_DIR;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the real CLI in a child process; resolves with its exit code and output. */
function sketchreel(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, THREADS: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sketchreel-eval-cli-"));
  await writeFile(join(dir, "suite.json"), JSON.stringify(["A white dot stays in the center."]));
  const bad = [
    {
      prompt: "x",
      objects: [{ color: "red", shape: "ball" }],
      clauses: [{ kind: "motion", color: "red", from: "up", to: "top" }],
    },
  ];
  await writeFile(join(dir, "bad-suite.json"), JSON.stringify(bad));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("sketchreel eval", () => {
  it("--json prints the report it writes", async () => {
    const out = join(dir, "out");
    const args = [
      "eval",
      "--model",
      TINY_MODEL,
      "--suite",
      join(dir, "suite.json"),
      "--seeds",
      "3",
      "--steps",
      "1",
      "--out",
      out,
      "--json",
    ];
    const { code, stdout, stderr } = await sketchreel(args);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toEqual(JSON.parse(await readFile(join(out, "report.json"), "utf8")));
    expect(report.prompts[0].runs[0]).toMatchObject({ seed: 3, clauses: expect.any(Array) });
  });

  it("is listed in --help with its summary, and has its own usage", async () => {
    expect((await sketchreelInProcess(["--help"])).stdout).toMatch(
      /^ {2}eval \[options\] +score a model on the shape-world suite/m,
    );
    expect((await sketchreelInProcess(["eval", "--help"])).stdout).toMatch(
      /^Usage: sketchreel eval \[--suite FILE \| --prompt TEXT…\] \[--seeds 1,2,3\]/,
    );
  });

  it.each([
    [["--seeds", "one"], /--seeds must be comma-separated integers .*"one"/],
    [["--suite", "BAD"], /suite .*bad-suite\.json \[0\]\.clauses\[0\]\.from: "up" is not one of left/],
    [["--model", "/nonexistent/model"], /no model package at \/nonexistent\/model/],
    [["--prompt", "A red ball jumps"], /--prompt "A red ball jumps": cannot read "a red ball jumps"/],
  ])("exits 2 with a clear message for %j", async (args, message) => {
    const resolved = args.map((a) => (a === "BAD" ? join(dir, "bad-suite.json") : a));
    const suite = args.includes("--prompt") ? [] : ["--suite", join(dir, "suite.json")];
    const { code, stderr } = await sketchreelInProcess(["eval", ...suite, ...resolved]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
