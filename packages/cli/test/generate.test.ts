import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { probeVideo } from "@sketchreel/encode/probe";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { GRID_LAYOUT_MODEL_DIR, TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `sketchreel generate` as a user runs it: a real process, started outside the repository.
const BIN = fileURLToPath(new URL("../bin/sketchreel.mjs", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sketchreel(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: tmpdir(), env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "sketchreel-cli-"));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe("sketchreel generate", () => {
  it("writes an H.264 MP4 with the requested frame count and prints one JSON report", async () => {
    const file = join(out, "out.mp4");
    const run = await sketchreel([
      ...["generate", "a red ball moves from left to right", "--seed", "1", "-o", file, "--json"],
      ...["--model", TINY_MODEL_DIR, "--frames", "8", "--steps", "3", "--threads", "1"],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({
      seed: 1,
      prompt: "a red ball moves from left to right",
      params: { num_frames: 8, num_inference_steps: 3, width: 64, height: 64, scheduler: "unipc", seed: 1 },
      model: { id: "tiny-random" },
      device: "cpu",
      outputs: [{ format: "mp4", path: file, content_type: "video/mp4" }],
    });
    for (const stage of ["load_model", "encode_prompt", "denoise", "decode", "encode_video", "total"]) {
      expect(report.timings_ms[stage]).toBeGreaterThanOrEqual(0);
    }
    const stream = await probeVideo(file);
    expect(stream).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", nb_read_frames: "8" });
  });

  it("writes identical PNG frames for the same seed, different ones for another seed", async () => {
    const args = (seed: string, dir: string) => [
      ...["generate", "a blue cube stays on the right", "--seed", seed, "-o", join(out, dir), "--json"],
      ...["--model", TINY_MODEL_DIR, "--size", "32x32", "--frames", "4", "--steps", "2", "--threads", "1"],
    ];
    const runs = [await sketchreel(args("7", "a")), await sketchreel(args("7", "b")), await sketchreel(args("8", "c"))];
    const [a, b, c] = runs.map((r) => JSON.parse(r.stdout).outputs[0]);
    expect(a.format).toBe("png-frames");
    expect(a.files).toHaveLength(4);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).not.toBe(a.sha256);
  });

  it("draws any size and frame count the model lists: --size 256x144 --frames 8 on a grid-rule model", async () => {
    const file = join(out, "wide.mp4");
    const run = await sketchreel([
      ...["generate", "a red ball falls", "--seed", "2", "-o", file, "--json", "--threads", "1"],
      ...["--model", GRID_LAYOUT_MODEL_DIR, "--size", "256x144", "--frames", "8", "--steps", "2"],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.params).toMatchObject({ width: 256, height: 144, num_frames: 8 });
    // The encoder upscales by a whole factor until both sides reach 256: 256x144 → 2× → 512x288, still 16:9.
    expect(report.outputs[0]).toMatchObject({ width: 512, height: 288 });
    expect(await probeVideo(file)).toMatchObject({ codec_name: "h264", width: 512, height: 288, nb_read_frames: "8" });
  });

  it("exits 2 with every bad parameter named, before loading anything", async () => {
    const run = await sketchreel([
      ...["generate", "a ball", "--seed", "abc", "--size", "64by64", "-o", join(out, "x.gif")],
      ...["--model", TINY_MODEL_DIR],
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('seed: --seed must be a number (got "abc")');
    expect(run.stderr).toContain('size: --size must be WxH, e.g. 64x64 (got "64by64")');
    expect(run.stdout).toBe("");
  });

  it("exits 2 when the model rejects a value, as a JSON error with --json", async () => {
    const run = await sketchreel([
      ...["generate", "a ball", "--frames", "6", "--guidance", "30", "-o", join(out, "x.webm"), "--json"],
      ...["--model", TINY_MODEL_DIR],
    ]);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe("invalid_params");
    expect(error.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "guidance_scale", rule: "maximum" })]),
    );
  });

  it("refuses a prompt the embedded model cannot draw: exit 2, each word named, nothing written", async () => {
    const file = join(out, "refused.mp4");
    const run = await sketchreel(["generate", "a cat jumps over a dog", "--seed", "1", "-o", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('prompt: "cat" is not a word the model knows\n');
    expect(run.stderr).toContain('prompt: "jumps" is not a word the model knows; try "moves"');
    expect(run.stderr).toContain("`sketchreel models` lists the words the model knows");
    expect(existsSync(file)).toBe(false);

    const json = await sketchreel(["generate", "a pink star falls", "-o", file, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: "prompt_out_of_vocabulary",
      errors: [
        { field: "prompt", rule: "unknown_word", word: "pink", span: { start: 2, end: 6 }, suggestions: ["red"] },
        { field: "prompt", rule: "unknown_word", word: "star", span: { start: 7, end: 11 }, suggestions: ["stay"] },
      ],
    });
    expect(existsSync(file)).toBe(false);
  });

  it("runs the embedded model by default, from any directory", async () => {
    const file = join(out, "embedded.mp4");
    const run = await sketchreel([
      "generate",
      "a red ball moves from left to right",
      "--seed",
      "1",
      "-o",
      file,
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model.dir).toBe(EMBEDDED_MODEL_DIR);
    const stream = await probeVideo(file);
    expect(stream).toMatchObject({ codec_name: "h264", nb_read_frames: String(report.params.num_frames) });
  });

  it("runs the embedded model at its 16:9 size and longest clip: a world-v2 prompt, 256x144, 32 frames", async () => {
    const file = join(out, "embedded-wide.mp4");
    const run = await sketchreel([
      ...["generate", "Three red balls in a row slide from the top to the bottom.", "--seed", "1", "-o", file],
      ...["--size", "256x144", "--frames", "32", "--steps", "2", "--json"],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model.dir).toBe(EMBEDDED_MODEL_DIR);
    expect(report.params).toMatchObject({ width: 256, height: 144, num_frames: 32 });
    expect(await probeVideo(file)).toMatchObject({ codec_name: "h264", width: 512, height: 288, nb_read_frames: "32" });
  });

  it("points at --model when the model directory holds no package", async () => {
    const run = await sketchreel(["generate", "a ball", "-o", join(out, "x.gif"), "--model", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no model package at .* \(model_index.json is missing\): --model must name a directory/);
  });
});
