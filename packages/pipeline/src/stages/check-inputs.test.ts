import { describe, expect, it } from "vitest";
import { InvalidParamsError } from "../errors.js";
import { ModelIndex } from "../model-package/schema.js";
import { checkInputs } from "./check-inputs.js";

const wanLike = ModelIndex.parse({
  format_version: 1,
  model_id: "wan-like",
  model_version: "1",
  components: { transformer: "transformer" },
  defaults: { width: 1280, height: 704, num_frames: 121, fps: 24, num_inference_steps: 50, guidance_scale: 5 },
  limits: {
    sizes: [
      [1280, 704],
      [704, 1280],
    ],
    max_frames: 121,
  },
  latent: { channels: 48, spatial_compression: 16, temporal_compression: 4, temporal_rule: "causal" },
});
const seed = () => 99;

function fieldErrors(request: Parameters<typeof checkInputs>[0]) {
  try {
    checkInputs(request, wanLike, seed);
  } catch (error) {
    if (error instanceof InvalidParamsError) return error.errors;
    throw error;
  }
  return [];
}

describe("checkInputs", () => {
  it("fills the model's defaults and a random seed", () => {
    expect(checkInputs({ prompt: "  a   red ball " }, wanLike, seed)).toEqual({
      prompt: "a red ball",
      negative_prompt: "",
      width: 1280,
      height: 704,
      num_frames: 121,
      fps: 24,
      num_inference_steps: 50,
      guidance_scale: 5,
      seed: 99,
      scheduler: "unipc",
    });
  });

  it("allows only the declared sizes", () => {
    expect(fieldErrors({ prompt: "x", width: 704, height: 1280 })).toEqual([]);
    expect(fieldErrors({ prompt: "x", width: 1280, height: 1280 })).toEqual([
      {
        field: "width",
        rule: "model_sizes",
        message: "size 1280x1280 is not supported (allowed: 1280x704, 704x1280) for model wan-like",
      },
    ]);
  });

  it("needs 4k + 1 frames for a causal 4× temporal VAE", () => {
    expect(fieldErrors({ prompt: "x", num_frames: 81 })).toEqual([]);
    expect(fieldErrors({ prompt: "x", num_frames: 80 })).toMatchObject([
      {
        field: "num_frames",
        rule: "temporal_compression",
        message: "num_frames must be 4·k + 1 (got 80) for model wan-like",
      },
    ]);
  });

  it("reports every broken contract rule at once", () => {
    const errors = fieldErrors({ prompt: "", width: 1000, seed: 2 ** 33, fps: 0 });
    expect(errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      "fps:minimum",
      "prompt:minimum",
      "seed:maximum",
      "width:multiple_of",
    ]);
  });
});
