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

  it("refuses a prompt outside a closed vocabulary, naming each word, its place and the nearest known words", () => {
    const closed = ModelIndex.parse({
      ...wanLike,
      vocabulary: {
        closed: true,
        max_objects: 2,
        max_tokens: 8,
        roles: { shapes: ["ball"], colors: ["red", "blue"], verbs: ["falls"] },
        synonyms: { pink: ["red"] },
        function_words: ["a", "and"],
      },
    });
    const refuse = (prompt: string) => {
      try {
        checkInputs({ prompt, num_frames: 80 }, closed, seed);
      } catch (error) {
        if (error instanceof InvalidParamsError) return error.errors;
        throw error;
      }
      return [];
    };
    expect(refuse("a pink ball flls")).toEqual([
      expect.objectContaining({ field: "num_frames", rule: "temporal_compression" }),
      {
        field: "prompt",
        rule: "unknown_word",
        message: '"pink" is not a word the model knows; try "red"',
        word: "pink",
        span: { start: 2, end: 6 },
        suggestions: ["red"],
      },
      expect.objectContaining({ rule: "unknown_word", word: "flls", suggestions: ["falls"] }),
    ]);
    expect(refuse("a red ball and a blue ball and a red ball falls").map((e) => `${e.field}:${e.rule}`)).toEqual([
      "num_frames:temporal_compression",
      "prompt:too_many_tokens", // in prompt order: the cut falls at the second "and", before the third ball
      "prompt:too_many_objects",
    ]);
    expect(() => checkInputs({ prompt: "a red ball falls" }, closed, seed)).not.toThrow();
  });

  it("passes any prompt when the model has no closed vocabulary", () => {
    expect(fieldErrors({ prompt: "a cat jumps over a dog, five times" })).toEqual([]);
    const open = ModelIndex.parse({ ...wanLike, vocabulary: { closed: false, max_tokens: 2 } });
    expect(() => checkInputs({ prompt: "a cat jumps over a dog" }, open, seed)).not.toThrow();
  });

  it("under the grid latent rule, allows the listed sizes whether or not they divide by spatial_compression", () => {
    const grid = ModelIndex.parse({
      ...wanLike,
      defaults: { ...wanLike.defaults, width: 64, height: 64, num_frames: 16 },
      limits: {
        sizes: [
          [64, 64],
          [256, 144],
        ],
      },
      latent: { channels: 8, spatial_compression: 32, spatial_rule: "grid", grid_short_side: 8 },
    });
    const check = (width: number, height: number) => {
      try {
        checkInputs({ prompt: "x", width, height }, grid, seed);
        return [];
      } catch (error) {
        if (error instanceof InvalidParamsError) return error.errors.map((e) => e.message);
        throw error;
      }
    };
    expect(check(256, 144)).toEqual([]);
    expect(check(128, 128)).toEqual(["size 128x128 is not supported (allowed: 64x64, 256x144) for model wan-like"]);
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
