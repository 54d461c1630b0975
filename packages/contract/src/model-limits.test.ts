import { describe, expect, it } from "vitest";
import { checkModelLimits, sizeMultiple, supportedFrameCounts } from "./model-limits.js";
import { ModelCapabilities } from "./models.js";

const defaults = { width: 64, height: 64, num_frames: 16, fps: 8, num_inference_steps: 20, guidance_scale: 2 };

/** Like gpu-runner/models/shape-world-tiny: one size, one frame count. */
const tiny = ModelCapabilities.parse({
  model_id: "tiny",
  model_version: "1",
  defaults,
  limits: { sizes: [[64, 64]], min_size: 64, max_size: 64, size_multiple: 16, min_frames: 16, max_frames: 16 },
  latent: { spatial_compression: 8 },
});

/** Ranges instead of sizes, and a 2× temporal VAE that divides the frame count. */
const ranged = ModelCapabilities.parse({
  model_id: "ranged",
  model_version: "1",
  defaults,
  limits: { min_size: 32, max_size: 128, min_frames: 4, max_frames: 32, frames_multiple: 4, max_steps: 50 },
  latent: { spatial_compression: 32, temporal_compression: 2 },
});

/** Like Wan2.2: a causal 4× temporal VAE, so frames = 4·k + 1. */
const causal = ModelCapabilities.parse({
  model_id: "causal",
  model_version: "1",
  defaults: { ...defaults, num_frames: 81 },
  latent: { spatial_compression: 16, temporal_compression: 4, temporal_rule: "causal" },
});

/** Like shape-world-tiny 3.0: one latent grid per aspect ratio, upsampled by the decoder to the asked size. */
const grid = ModelCapabilities.parse({
  model_id: "grid",
  model_version: "3",
  defaults,
  limits: {
    sizes: [
      [64, 64],
      [128, 128],
      [256, 256],
      [256, 144],
    ],
    min_frames: 8,
    max_frames: 32,
    frames_multiple: 8,
  },
  latent: { spatial_compression: 32, spatial_rule: "grid", grid_short_side: 8 },
});

const params = { width: 64, height: 64, num_frames: 16, num_inference_steps: 20 };

describe("checkModelLimits", () => {
  it("accepts parameters inside every limit", () => {
    expect(checkModelLimits(tiny, params)).toEqual([]);
    expect(checkModelLimits(ranged, { ...params, width: 96, num_frames: 8 })).toEqual([]);
    expect(checkModelLimits(causal, { ...params, num_frames: 81 })).toEqual([]);
  });

  it("names the allowed sizes and an exact frame count", () => {
    expect(checkModelLimits(tiny, { ...params, width: 128, num_frames: 24 })).toEqual([
      {
        field: "width",
        rule: "model_sizes",
        message: "size 128x64 is not supported (allowed: 64x64) for model tiny",
      },
      { field: "width", rule: "maximum", message: "width must be 64 (got 128) for model tiny" },
      { field: "num_frames", rule: "maximum", message: "num_frames must be 16 (got 24) for model tiny" },
    ]);
  });

  it("bounds sizes, frames and steps by the model's ranges", () => {
    const errors = checkModelLimits(ranged, { width: 16, height: 256, num_frames: 40, num_inference_steps: 60 });
    expect(errors.map((e) => e.message)).toEqual([
      "width must be at least 32 (got 16) for model ranged",
      "width must be a multiple of 32 (got 16) for model ranged",
      "height must be at most 128 (got 256) for model ranged",
      "num_frames must be at most 32 (got 40) for model ranged (supported: 4, 8, 12, 16, 20, 24, 28, 32)",
      "num_inference_steps must be at most 50 (got 60) for model ranged",
    ]);
  });

  it("needs sizes divisible by the latent's spatial compression and the declared multiple", () => {
    expect(checkModelLimits(ranged, { ...params, width: 48 })).toEqual([
      { field: "width", rule: "multiple_of", message: "width must be a multiple of 32 (got 48) for model ranged" },
    ]);
  });

  it("needs frames divisible by the declared multiple and a dividing temporal VAE", () => {
    expect(checkModelLimits(ranged, { ...params, num_frames: 6 })).toEqual([
      {
        field: "num_frames",
        rule: "multiple_of",
        message:
          "num_frames must be a multiple of 4 (got 6) for model ranged (supported: 4, 8, 12, 16, 20, 24, 28, 32)",
      },
    ]);
  });

  it("needs 4·k + 1 frames for a causal 4× temporal VAE", () => {
    expect(checkModelLimits(causal, { ...params, num_frames: 80 })).toEqual([
      {
        field: "num_frames",
        rule: "temporal_compression",
        message: "num_frames must be 4·k + 1 (got 80) for model causal",
      },
    ]);
  });
});

describe("checkModelLimits under the grid latent rule", () => {
  it("accepts every listed size without asking sizes to divide by spatial_compression", () => {
    for (const [width, height] of grid.limits.sizes!) {
      expect(checkModelLimits(grid, { ...params, width, height, num_frames: 32 })).toEqual([]);
    }
    expect(sizeMultiple(grid)).toBe(16);
    expect(sizeMultiple(ranged)).toBe(32);
  });

  it("still allows only the listed sizes and the contract's multiple of 16", () => {
    expect(checkModelLimits(grid, { ...params, width: 144, height: 256 }).map((e) => e.message)).toEqual([
      "size 144x256 is not supported (allowed: 64x64, 128x128, 256x256, 256x144) for model grid",
    ]);
    const ranges = ModelCapabilities.parse({ ...grid, limits: { max_size: 256 } });
    expect(checkModelLimits(ranges, { ...params, width: 200 }).map((e) => e.message)).toEqual([
      "width must be a multiple of 16 (got 200) for model grid",
    ]);
  });
});

describe("supportedFrameCounts", () => {
  it("lists every frame count the limits, the multiple and the temporal rule allow", () => {
    expect(supportedFrameCounts(tiny)).toEqual([16]);
    expect(supportedFrameCounts(ranged)).toEqual([4, 8, 12, 16, 20, 24, 28, 32]);
    const causalCounts = supportedFrameCounts(causal);
    expect(causalCounts.slice(0, 3)).toEqual([1, 5, 9]);
    expect(causalCounts.at(-1)).toBe(241);
  });

  it("names the supported counts in the error when there are a few: 1-4 s at 8 fps", () => {
    const seconds = ModelCapabilities.parse({
      ...tiny,
      limits: { min_frames: 8, max_frames: 32, frames_multiple: 8 },
    });
    expect(checkModelLimits(seconds, { ...params, num_frames: 20 }).map((e) => e.message)).toEqual([
      "num_frames must be a multiple of 8 (got 20) for model tiny (supported: 8, 16, 24, 32)",
    ]);
    // 61 counts are too many to list: the rule says it.
    expect(checkModelLimits(causal, { ...params, num_frames: 80 })[0]?.message).not.toContain("supported");
  });
});

describe("ModelCapabilities", () => {
  it("fills the optional parts of model_index.json", () => {
    expect(tiny.defaults).toMatchObject({ negative_prompt: "", scheduler: "unipc" });
    expect(tiny.latent).toEqual({
      spatial_compression: 8,
      temporal_compression: 1,
      temporal_rule: "divide",
      spatial_rule: "compress",
    });
    expect(ModelCapabilities.parse({ ...causal, limits: undefined }).limits).toEqual({});
  });

  it("reads the latent spatial rule: compress by default, grid with its short side", () => {
    expect(causal.latent.spatial_rule).toBe("compress");
    expect(grid.latent).toEqual({
      spatial_compression: 32,
      temporal_compression: 1,
      temporal_rule: "divide",
      spatial_rule: "grid",
      grid_short_side: 8,
    });
  });

  it("refuses the grid rule without grid_short_side, naming the field", () => {
    const bad = ModelCapabilities.safeParse({ ...tiny, latent: { spatial_compression: 8, spatial_rule: "grid" } });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ["latent", "grid_short_side"],
      message: 'grid_short_side (an integer ≥ 1) is required when spatial_rule is "grid"',
    });
    const unknown = ModelCapabilities.safeParse({ ...tiny, latent: { spatial_compression: 8, spatial_rule: "tile" } });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ["latent", "spatial_rule"] });
  });

  it("reads a package without description, examples or vocabulary as having none (no vocabulary gate)", () => {
    expect(tiny).toMatchObject({ description: "", examples: [], vocabulary: null });
  });

  it("refuses the old vocabulary string, naming the field", () => {
    const old = ModelCapabilities.safeParse({ ...tiny, vocabulary: "shape-world" });
    expect(old.error?.issues[0]).toMatchObject({ path: ["vocabulary"] });
  });

  it("holds the defaults to the contract's own parameter rules", () => {
    const bad = ModelCapabilities.safeParse({ ...tiny, defaults: { ...defaults, width: 60 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["defaults", "width"] });
  });
});
