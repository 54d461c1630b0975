import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BackendError,
  createPipeline,
  ModelPackageError,
  type Pipeline,
  seededNormal,
  type Tensor,
} from "../src/index.js";
import { OnnxBackend } from "../src/onnx/index.js";
import { type RecordedRun, recordingBackend } from "./helpers/recording-backend.js";
import {
  CONDITIONER_FIXED_BATCH_DIR,
  CONDITIONER_MODEL_DIR,
  CONDITIONER_REFERENCE_DIR,
  FIXTURES,
  GRID_LAYOUT_FIXED_BATCH_TRANSFORMER_DIR,
  GRID_LAYOUT_MODEL_DIR,
  GRID_LAYOUT_REFERENCE_DIR,
  readFloat32,
  referenceCase,
  referenceParams,
  relativeL2,
  TINY_MODEL_DIR,
} from "./helpers/reference.js";

// The optional graph inputs of MODEL-PACKAGE.md on real graphs: tiny-grid-layout's transformer takes
// layout_noise [B, 6] and its decoder output_size; the pipeline's feeds are recorded on the way in.

async function recordedPipeline(modelDir: string) {
  const { backend, runs } = recordingBackend(OnnxBackend.create({ threads: 1 }));
  const pipeline = await createPipeline({ backend, modelDir });
  return { pipeline, runs };
}

const ofComponent = (runs: RecordedRun[], component: string) => runs.filter((r) => r.component === component);
const values = (t: Tensor | undefined) => Array.from(t?.data ?? [], Number);
const rows = (t: Tensor) => {
  const k = t.dims[1]!;
  return Array.from({ length: t.dims[0]! }, (_, b) => values(t).slice(b * k, (b + 1) * k));
};

describe("a package with the grid rule, layout_noise and output_size (tiny-grid-layout)", () => {
  let grid: { pipeline: Pipeline; runs: RecordedRun[] };
  beforeAll(async () => {
    grid = await recordedPipeline(GRID_LAYOUT_MODEL_DIR);
  });
  afterAll(() => grid.pipeline.dispose());
  const run = async (request: Parameters<Pipeline["run"]>[0]) => {
    grid.runs.length = 0;
    const result = await grid.pipeline.run(request);
    return {
      result,
      transformer: ofComponent(grid.runs, "transformer"),
      decoder: ofComponent(grid.runs, "vae_decoder"),
    };
  };

  it.each([
    [64, 64, [8, 8]],
    [128, 128, [8, 8]],
    [256, 256, [8, 8]],
    [256, 144, [8, 14]],
  ])("draws %i×%i from one latent grid %j, the decoder told the size", async (width, height, hw) => {
    const { result, transformer, decoder } = await run({
      prompt: "a red ball falls",
      seed: 1,
      width,
      height,
      num_frames: 8,
      num_inference_steps: 1,
    });
    expect(transformer[0]!.feeds.hidden_states!.dims).toEqual([2, 4, 8, ...hw]);
    expect(decoder).toHaveLength(1);
    expect(decoder[0]!.feeds.latent_sample!.dims).toEqual([1, 4, 8, ...hw]);
    expect(decoder[0]!.feeds.output_size).toMatchObject({ type: "int64", dims: [2] });
    expect(values(decoder[0]!.feeds.output_size)).toEqual([height, width]);
    expect(result.video).toMatchObject({ width, height });
    expect(result.video.frames).toHaveLength(8);
    expect(result.video.frames[0]).toHaveLength(width * height * 3);
  });

  it("feeds layout_noise from the seed: the Python mirror's stream 1, in both CFG halves and at every step", async () => {
    const ref = referenceCase("grid-16x9", GRID_LAYOUT_REFERENCE_DIR);
    const expected = Array.from(readFloat32(ref, ref.tensors.layout_noise!));
    const { transformer } = await run({
      prompt: ref.prompt,
      seed: ref.seed,
      guidance_scale: 3,
      num_inference_steps: 3,
    });
    expect(transformer).toHaveLength(3);
    for (const call of transformer) {
      const noise = call.feeds.layout_noise!;
      expect(noise).toMatchObject({ type: "float32", dims: [2, 6] });
      expect(rows(noise)).toEqual([expected, expected]);
    }
    // Independent of the latents (stream 0), though drawn from the same seed.
    expect(expected).not.toEqual(Array.from(seededNormal(ref.seed, 6)));
  });

  it("repeats the layout noise (and the clip) for a seed, and changes both with the seed", async () => {
    const request = { prompt: "a red ball falls", num_frames: 4, num_inference_steps: 2 };
    const a = await run({ ...request, seed: 7 });
    const again = await run({ ...request, seed: 7 });
    const other = await run({ ...request, seed: 8 });
    const noise = (r: typeof a) => values(r.transformer[0]!.feeds.layout_noise);
    expect(noise(again)).toEqual(noise(a));
    expect(noise(other)).not.toEqual(noise(a));
    expect(Buffer.concat(again.result.video.frames).equals(Buffer.concat(a.result.video.frames))).toBe(true);
    expect(Buffer.concat(other.result.video.frames).equals(Buffer.concat(a.result.video.frames))).toBe(false);
  });

  it("feeds one row when guidance 1 skips the unconditional pass", async () => {
    const { transformer } = await run({
      prompt: "a red ball falls",
      seed: 7,
      guidance_scale: 1,
      num_inference_steps: 2,
    });
    expect(transformer.map((c) => c.feeds.layout_noise!.dims)).toEqual([
      [1, 6],
      [1, 6],
    ]);
  });
});

describe("tiny-grid-layout with a static-batch transformer (two passes per step)", () => {
  let dir: string;
  let fixed: { pipeline: Pipeline; runs: RecordedRun[] };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sketchreel-grid-fixed-"));
    for (const part of ["model_index.json", "tokenizer", "text_encoder", "vae_decoder", "scheduler"]) {
      await symlink(join(GRID_LAYOUT_MODEL_DIR, part), join(dir, part));
    }
    await symlink(GRID_LAYOUT_FIXED_BATCH_TRANSFORMER_DIR, join(dir, "transformer"));
    fixed = await recordedPipeline(dir);
  });
  afterAll(async () => {
    await fixed.pipeline.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("gives cond and uncond the same layout noise at every step", async () => {
    await fixed.pipeline.run({ prompt: "a red ball falls", seed: 3, guidance_scale: 3, num_inference_steps: 2 });
    const calls = ofComponent(fixed.runs, "transformer");
    expect(calls).toHaveLength(4);
    const expected = Array.from(seededNormal(3, 6, 1));
    for (const call of calls) {
      expect(call.feeds.layout_noise!.dims).toEqual([1, 6]);
      expect(values(call.feeds.layout_noise)).toEqual(expected);
    }
  });
});

describe("a package without the optional inputs (2.1.0-style: tiny-random)", () => {
  it("feeds the graphs exactly the inputs it did before", async () => {
    const { pipeline, runs } = await recordedPipeline(TINY_MODEL_DIR);
    try {
      await pipeline.run({
        prompt: "a red ball",
        seed: 1,
        width: 32,
        height: 48,
        num_frames: 4,
        num_inference_steps: 2,
      });
    } finally {
      await pipeline.dispose();
    }
    const inputs = (component: string) => [
      ...new Set(ofComponent(runs, component).map((r) => Object.keys(r.feeds).join(","))),
    ];
    expect(inputs("transformer")).toEqual(["hidden_states,timestep,encoder_hidden_states"]);
    expect(inputs("vae_decoder")).toEqual(["latent_sample"]);
    expect(ofComponent(runs, "vae_decoder")[0]!.feeds.latent_sample!.dims).toEqual([1, 4, 4, 6, 4]);
  });
});

describe("a grid-rule package whose decoder lacks output_size", () => {
  it("draws the size its fixed upsampling happens to give, and refuses a clip of another size", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sketchreel-grid-no-size-"));
    try {
      await cp(GRID_LAYOUT_MODEL_DIR, dir, { recursive: true });
      await cp(join(TINY_MODEL_DIR, "vae_decoder"), join(dir, "vae_decoder"), { recursive: true }); // 8× upsampling
      const { pipeline, runs } = await recordedPipeline(dir);
      try {
        const request = { prompt: "a red ball falls", seed: 1, num_frames: 4, num_inference_steps: 1 };
        const square = await pipeline.run({ ...request, width: 64, height: 64 });
        expect(square.video).toMatchObject({ width: 64, height: 64 });
        expect(Object.keys(ofComponent(runs, "vae_decoder")[0]!.feeds)).toEqual(["latent_sample"]);
        const error = await pipeline.run({ ...request, width: 256, height: 144 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackendError);
        expect((error as Error).message).toBe(
          "vae_decoder failed: returned 4 frames of 112x64 for 4 frames of 256x144 (a decoder that draws several sizes from one latent grid needs the output_size input)",
        );
      } finally {
        await pipeline.dispose();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("load checks of the optional inputs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sketchreel-bad-inputs-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [
      "transformer",
      "layout-noise-int64",
      "inputs.layout_noise",
      "must be float32 [B, K] with a fixed K, got int64 [batch, 6]",
    ],
    [
      "transformer",
      "layout-noise-dynamic-k",
      "inputs.layout_noise",
      "must be float32 [B, K] with a fixed K, got float32 [batch, k]",
    ],
    [
      "vae_decoder",
      "output-size-rank-2",
      "inputs.output_size",
      "must be int64 [2] = [height, width], got int64 [1, 2]",
    ],
  ])("refuses a %s whose %s input breaks the format, naming file and input", async (component, bad, field, detail) => {
    const pkg = join(dir, bad);
    await cp(GRID_LAYOUT_MODEL_DIR, pkg, { recursive: true });
    await cp(join(FIXTURES, "tiny-grid-layout-bad-inputs", bad, "model.onnx"), join(pkg, component, "model.onnx"));
    const error = await createPipeline({ backend: OnnxBackend.create({ threads: 1 }), modelDir: pkg }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelPackageError);
    expect(error).toMatchObject({ file: `${component}/model.onnx`, field });
    expect(error.message).toBe(`${component}/model.onnx (${field}): ${detail}`);
  });
});

describe("a package with a conditioner (tiny-conditioner)", () => {
  let cond: { pipeline: Pipeline; runs: RecordedRun[] };
  beforeAll(async () => {
    cond = await recordedPipeline(CONDITIONER_MODEL_DIR);
  });
  afterAll(() => cond.pipeline.dispose());
  const run = async (request: Parameters<Pipeline["run"]>[0]) => {
    cond.runs.length = 0;
    const result = await cond.pipeline.run(request);
    return { result, components: cond.runs.map((r) => r.component), runs: cond.runs.slice() };
  };

  it("runs it once per request, after the text encoder and before the first step, on what the reference feeds it", async () => {
    const ref = referenceCase("conditioner-unipc", CONDITIONER_REFERENCE_DIR);
    const { components, runs } = await run(referenceParams(ref));
    expect(components).toEqual(["text_encoder", "conditioner", ...Array(ref.steps).fill("transformer"), "vae_decoder"]);
    const feeds = runs[1]!.feeds;
    expect(Object.keys(feeds)).toEqual(["encoder_hidden_states", "hidden_states", "layout_noise"]);
    // cond and uncond text states in one batch of 2, the initial latents (the seed's stream 0) in both rows
    expect(
      relativeL2(values(feeds.encoder_hidden_states), Array.from(readFloat32(ref, ref.tensors.embeddings))),
    ).toBeLessThan(1e-5);
    const noise = Array.from(readFloat32(ref, ref.tensors.noise));
    expect(feeds.hidden_states!.dims).toEqual([2, 4, 8, 6, 4]);
    expect(values(feeds.hidden_states)).toEqual([...noise, ...noise]);
    const layout = Array.from(readFloat32(ref, ref.tensors.layout_noise!));
    expect(rows(feeds.layout_noise!)).toEqual([layout, layout]);
  });

  it("gives the transformer the conditioning at every step, and layout_noise only to the conditioner", async () => {
    const ref = referenceCase("conditioner-unipc", CONDITIONER_REFERENCE_DIR);
    const { runs } = await run(referenceParams(ref));
    const expected = Array.from(readFloat32(ref, ref.tensors.conditioning!));
    const steps = ofComponent(runs, "transformer");
    expect(steps).toHaveLength(ref.steps);
    for (const step of steps) {
      expect(Object.keys(step.feeds)).toEqual(["hidden_states", "timestep", "encoder_hidden_states"]);
      expect(step.feeds.encoder_hidden_states!.dims).toEqual([2, 16 + 8, 32]); // text tokens + one per frame
      expect(relativeL2(values(step.feeds.encoder_hidden_states), expected)).toBeLessThan(1e-5);
    }
  });

  it("conditions only the prompt when guidance 1 skips the unconditional pass", async () => {
    const ref = referenceCase("conditioner-no-guidance", CONDITIONER_REFERENCE_DIR);
    const { runs } = await run(referenceParams(ref));
    const conditioner = ofComponent(runs, "conditioner");
    expect(conditioner.map((r) => r.feeds.encoder_hidden_states!.dims)).toEqual([[1, 16, 32]]);
    expect(ofComponent(runs, "transformer").map((r) => r.feeds.encoder_hidden_states!.dims[0])).toEqual([1, 1]);
  });

  it("a new seed changes the conditioning (the layout noise), the same seed repeats it", async () => {
    const request = { prompt: "a red ball falls", num_frames: 4, num_inference_steps: 1 };
    const conditioning = async (seed: number) =>
      values(ofComponent((await run({ ...request, seed })).runs, "transformer")[0]!.feeds.encoder_hidden_states);
    const a = await conditioning(4);
    expect(await conditioning(4)).toEqual(a);
    expect(await conditioning(5)).not.toEqual(a);
  });
});

describe("tiny-conditioner with a static-batch conditioner (two runs, once per request)", () => {
  it("conditions cond and uncond separately, each with the same layout noise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sketchreel-conditioner-fixed-"));
    try {
      for (const part of ["model_index.json", "tokenizer", "text_encoder", "transformer", "vae_decoder", "scheduler"]) {
        await symlink(join(CONDITIONER_MODEL_DIR, part), join(dir, part));
      }
      await symlink(CONDITIONER_FIXED_BATCH_DIR, join(dir, "conditioner"));
      const { pipeline, runs } = await recordedPipeline(dir);
      try {
        const ref = referenceCase("conditioner-unipc", CONDITIONER_REFERENCE_DIR);
        const latents: Float32Array[] = [];
        await pipeline.run(referenceParams(ref), { onLatents: (_, x) => latents.push(x) });
        const calls = ofComponent(runs, "conditioner");
        expect(calls.map((c) => c.feeds.encoder_hidden_states!.dims)).toEqual([
          [1, 16, 32],
          [1, 16, 32],
        ]);
        const layout = Array.from(readFloat32(ref, ref.tensors.layout_noise!));
        for (const call of calls) expect(values(call.feeds.layout_noise)).toEqual(layout);
        // Two runs give the same result as one batch of 2: the reference's last latents.
        expect(relativeL2(latents.at(-1)!, readFloat32(ref, ref.tensors.latents.at(-1)!))).toBeLessThanOrEqual(1e-4);
      } finally {
        await pipeline.dispose();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a conditioner that breaks the contract", () => {
  it.each([
    [
      "a graph without the conditioner's inputs",
      "vae_decoder",
      "inputs",
      "lacks encoder_hidden_states, hidden_states (has latent_sample)",
    ],
    ["a folder without a graph", "nowhere", undefined, undefined],
  ])("refuses %s, naming the file", async (_, folder, field, detail) => {
    const pkg = await mkdtemp(join(tmpdir(), "sketchreel-bad-conditioner-"));
    try {
      await cp(CONDITIONER_MODEL_DIR, pkg, { recursive: true });
      const index = JSON.parse(await readFile(join(pkg, "model_index.json"), "utf8"));
      index.components.conditioner = folder;
      await writeFile(join(pkg, "model_index.json"), JSON.stringify(index));
      const error = await createPipeline({ backend: OnnxBackend.create({ threads: 1 }), modelDir: pkg }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(ModelPackageError);
      expect(error.file).toBe(`${folder}/model.onnx`);
      if (detail) expect(error.message).toBe(`${folder}/model.onnx (${field}): ${detail}`);
    } finally {
      await rm(pkg, { recursive: true, force: true });
    }
  });
});
