import { describe, expect, it } from "vitest";
import { describeModel, Model } from "./model-info.js";
import { ModelCapabilities } from "./models.js";

const defaults = { width: 64, height: 64, num_frames: 16, fps: 8, num_inference_steps: 20, guidance_scale: 2 };

/** shape-world-tiny as the model issue grows it: 1-4 s at 8 fps, three squares and 16:9. */
const grown = ModelCapabilities.parse({
  model_id: "grown",
  model_version: "3.0.0",
  description: "A grown embedded model.",
  examples: ["a red ball falls"],
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
    max_steps: 50,
  },
  latent: { spatial_compression: 8 },
  vocabulary: { closed: true, max_objects: 6, roles: { colors: ["red"] } },
});

describe("describeModel", () => {
  it("lists the sizes, frame counts, durations, steps and guidance the package advertises", () => {
    const model = describeModel(grown, true);
    expect(Model.parse(model)).toEqual(model);
    expect(model).toMatchObject({
      object: "model",
      id: "grown",
      version: "3.0.0",
      description: "A grown embedded model.",
      default: true,
      sizes: [
        { width: 64, height: 64 },
        { width: 128, height: 128 },
        { width: 256, height: 256 },
        { width: 256, height: 144 },
      ],
      frame_counts: [8, 16, 24, 32],
      durations: [1, 2, 3, 4],
      fps: 8,
      steps: { min: 1, max: 50, default: 20 },
      guidance_scale: { min: 1, max: 20, default: 2 },
      defaults: { width: 64, height: 64, num_frames: 16, fps: 8, num_inference_steps: 20, guidance_scale: 2 },
      examples: ["a red ball falls"],
      vocabulary: { closed: true, max_objects: 6, roles: { colors: ["red"], shapes: [] } },
    });
  });

  it("describes a model that takes any size in a range (a Wan2.2 export) by its range", () => {
    const wan = ModelCapabilities.parse({
      model_id: "wan-like",
      model_version: "1",
      defaults: { ...defaults, width: 1280, height: 704, num_frames: 121, fps: 24 },
      limits: { min_size: 256, max_size: 1280, max_frames: 121 },
      latent: { spatial_compression: 16, temporal_compression: 4, temporal_rule: "causal" },
    });
    const model = describeModel(wan, false);
    expect(model).toMatchObject({ default: false, sizes: null, size_range: { min: 256, max: 1280, multiple: 16 } });
    expect(model.frame_counts.slice(0, 3)).toEqual([1, 5, 9]);
    expect(model.durations.at(-1)).toBe(5.042);
    expect(model.vocabulary).toBeNull();
  });
});
