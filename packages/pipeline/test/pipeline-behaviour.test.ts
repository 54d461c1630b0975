import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, InvalidParamsError, type Progress } from "../src/index.js";
import { loadOnnxPipeline, type OnnxPipeline } from "../src/onnx/index.js";
import {
  FIXTURES,
  readFloat32,
  referenceCases,
  referenceParams,
  relativeL2,
  TINY_MODEL_DIR,
} from "./helpers/reference.js";

const small = { width: 32, height: 32, num_frames: 4, num_inference_steps: 3 } as const;
let runner: OnnxPipeline;
beforeAll(async () => {
  runner = await loadOnnxPipeline({ modelDir: TINY_MODEL_DIR, threads: 1 });
});
afterAll(() => runner.dispose());

describe("determinism", () => {
  it("gives identical frames for the same seed and different frames for another seed", async () => {
    const prompt = "a red ball moves from left to right";
    const a = await runner.pipeline.run({ prompt, seed: 1, ...small });
    const b = await runner.pipeline.run({ prompt, seed: 1, ...small });
    const c = await runner.pipeline.run({ prompt, seed: 2, ...small });
    expect(Buffer.concat(b.video.frames).equals(Buffer.concat(a.video.frames))).toBe(true);
    expect(Buffer.concat(c.video.frames).equals(Buffer.concat(a.video.frames))).toBe(false);
    expect(b.text_cache_hits).toBe(2);
  });

  it("draws a random seed when none is given and reports it", async () => {
    const result = await runner.pipeline.run({ prompt: "a dot", ...small });
    expect(Number.isInteger(result.request.seed)).toBe(true);
    const again = await runner.pipeline.run({ prompt: "a dot", ...small, seed: result.request.seed });
    expect(Buffer.concat(again.video.frames).equals(Buffer.concat(result.video.frames))).toBe(true);
  });
});

describe("progress and cancellation", () => {
  it("reports every stage in order and each denoising step", async () => {
    const events: Progress[] = [];
    await runner.pipeline.run({ prompt: "a box", seed: 3, ...small }, { onProgress: (p) => events.push(p) });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual([
      "check_inputs",
      "encode_prompt",
      "prepare_timesteps",
      "prepare_latents",
      "denoise",
      "decode",
    ]);
    const steps = events.filter((e) => e.stage === "denoise").map((e) => `${e.step}/${e.total_steps}`);
    expect(steps).toEqual(["0/3", "1/3", "2/3", "3/3"]);
  });

  it("stops between steps when the signal aborts mid-loop, with a typed AbortError", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runner.pipeline.run(
      { prompt: "a box", seed: 3, ...small, num_inference_steps: 10 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage !== "denoise" || p.step === 0) return;
          seen.push(p.step);
          if (p.step === 4) controller.abort(new Error("user canceled"));
        },
      },
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: "aborted", stage: "denoise", step: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});

describe("bad parameters", () => {
  const cases: Array<[string, Record<string, unknown>, { field: string; rule: string; message: RegExp }]> = [
    [
      "width off the 16 grid",
      { width: 40 },
      { field: "width", rule: "multiple_of", message: /width must be a multiple of 16 \(got 40\)/ },
    ],
    [
      "above the model's max size",
      { width: 128 },
      { field: "width", rule: "maximum", message: /at most 64 \(got 128\) for model tiny-random/ },
    ],
    [
      "too many frames",
      { num_frames: 20 },
      { field: "num_frames", rule: "maximum", message: /num_frames must be at most 16 \(got 20\)/ },
    ],
    [
      "frames off the model's multiple",
      { num_frames: 6 },
      { field: "num_frames", rule: "multiple_of", message: /multiple of 4 \(got 6\)/ },
    ],
    [
      "guidance below 1",
      { guidance_scale: 0.5 },
      { field: "guidance_scale", rule: "minimum", message: /at least 1 \(got 0.5\)/ },
    ],
    ["negative seed", { seed: -1 }, { field: "seed", rule: "minimum", message: /seed must be at least 0/ }],
    [
      "steps above the model's limit",
      { num_inference_steps: 60 },
      { field: "num_inference_steps", rule: "maximum", message: /at most 50 \(got 60\)/ },
    ],
    ["empty prompt", { prompt: "   " }, { field: "prompt", rule: "minimum", message: /prompt must not be empty/ }],
    [
      "unknown scheduler",
      { scheduler: "ddim" },
      { field: "scheduler", rule: "enum", message: /scheduler must be one of unipc, euler/ },
    ],
  ];
  it.each(cases)("rejects %s, naming the field, value and rule", async (_, override, expected) => {
    const error = await runner.pipeline
      .run({ prompt: "a ball", ...small, ...override } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParamsError);
    const fieldError = (error as InvalidParamsError).errors.find((e) => e.field === expected.field);
    expect(fieldError).toMatchObject({ field: expected.field, rule: expected.rule });
    expect(fieldError?.message).toMatch(expected.message);
  });
});

describe("a denoiser graph with a fixed batch of 1", () => {
  let dir: string;
  let fixed: OnnxPipeline;
  beforeAll(async () => {
    // The tiny package with its transformer swapped for the static-batch export of the same weights.
    dir = await mkdtemp(join(tmpdir(), "sketchreel-fixed-batch-"));
    for (const part of ["model_index.json", "tokenizer", "text_encoder", "vae_decoder", "scheduler"]) {
      await symlink(join(TINY_MODEL_DIR, part), join(dir, part));
    }
    await symlink(join(FIXTURES, "tiny-random-fixed-batch", "transformer"), join(dir, "transformer"));
    fixed = await loadOnnxPipeline({ modelDir: dir, threads: 1 });
  });
  afterAll(async () => {
    await fixed.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("runs cond and uncond as two passes and still matches the reference", async () => {
    const ref = referenceCases().find((c) => c.name === "unipc")!;
    const latents: Float32Array[] = [];
    await fixed.pipeline.run(referenceParams(ref), { onLatents: (_, x) => latents.push(x) });
    const last = ref.tensors.latents.at(-1)!;
    expect(relativeL2(latents.at(-1)!, readFloat32(ref, last))).toBeLessThanOrEqual(1e-4);
  });
});
