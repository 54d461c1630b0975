import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/sketchreel.mjs", import.meta.url));

function sketchreel(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tmpdir() }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The reference: the shipped package's own model_index.json. */
const shipped = JSON.parse(readFileSync(join(EMBEDDED_MODEL_DIR, "model_index.json"), "utf8"));

describe("sketchreel models", () => {
  it("--json prints the served models as the API lists them, read from model_index.json", async () => {
    const run = await sketchreel(["models", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list.object).toBe("list");
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      object: "model",
      id: shipped.model_id,
      version: shipped.model_version,
      description: shipped.description,
      default: true,
      sizes: shipped.limits.sizes.map(([width, height]: [number, number]) => ({ width, height })),
      // DESIGN.md's world v2: 1, 2, 3 and 4 s at 8 fps.
      frame_counts: [8, 16, 24, 32],
      durations: [1, 2, 3, 4],
      fps: shipped.defaults.fps,
      examples: shipped.examples,
      vocabulary: shipped.vocabulary,
    });
    const one = await sketchreel(["models", "shape-world-tiny", "--json"]);
    expect(JSON.parse(one.stdout)).toEqual(list.data[0]);
  });

  it("prints a summary a person reads: sizes, durations, the words it knows, examples", async () => {
    const run = await sketchreel(["models"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`shape-world-tiny ${shipped.model_version} (default)`);
    expect(run.stdout).toContain("  sizes       64x64, 128x128, 256x256, 256x144\n");
    expect(run.stdout).toContain(
      "  durations   1 s (8 frames), 2 s (16 frames), 3 s (24 frames), 4 s (32 frames) at 8 fps\n",
    );
    expect(run.stdout).toContain(`  vocabulary  closed: at most ${shipped.vocabulary.max_objects} objects, `);
    expect(run.stdout).toContain("    formations  row, column, circle\n");
    expect(run.stdout).toContain("    colours     red, green, blue, yellow, purple, orange, white\n");
    expect(run.stdout).toContain(`    ${shipped.examples[0]}\n`);
  });

  it("describes any package with --model; an open vocabulary says so", async () => {
    const run = await sketchreel(["models", "--model", TINY_MODEL_DIR]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tiny-random");
    expect(run.stdout).toContain("  vocabulary  open: any prompt\n");
  });

  it("exits 2 naming the served models for an unknown id", async () => {
    const run = await sketchreel(["models", "wan2.2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("sketchreel models: no model wan2.2; the served models are shape-world-tiny\n");
    expect(run.stdout).toBe("");
  });
});
