import type { Model } from "@sketchreel/sdk";
import { describe, expect, it } from "vitest";
import { defaultModel, parseSize, quickActionsFor } from "./quick-actions.js";

const defaults = {
  width: 64,
  height: 64,
  num_frames: 16,
  fps: 8,
  num_inference_steps: 20,
  guidance_scale: 2,
  scheduler: "unipc" as const,
};
const base = {
  object: "model" as const,
  id: "shape-world-tiny",
  version: "2.1.0",
  description: "",
  default: true,
  size_range: { min: 64, max: 64, multiple: 16 },
  fps: 8,
  steps: { min: 1, max: 100, default: 20 },
  guidance_scale: { min: 1, max: 20, default: 2 },
  defaults,
  vocabulary: null,
  examples: [],
};

describe("quickActionsFor", () => {
  it("offers exactly what a one-format model advertises (shape-world-tiny 2.1.0): 2 s at 64²", () => {
    const model: Model = { ...base, sizes: [{ width: 64, height: 64 }], frame_counts: [16], durations: [2] };
    expect(quickActionsFor(model)).toEqual({
      modelId: "shape-world-tiny",
      fps: 8,
      durations: [{ value: "16", label: "2 s", title: "16 frames at 8 fps" }],
      sizes: [{ value: "64x64", label: "64²", title: "64 × 64 pixels" }],
      defaultDuration: "16",
      defaultSize: "64x64",
    });
  });

  it("grows with the model (shape-world-tiny 3.0.0): 1-4 s, 64² to 256² and 16:9, with no change to the plugin", () => {
    const grown: Model = {
      ...base,
      sizes: [
        { width: 64, height: 64 },
        { width: 128, height: 128 },
        { width: 256, height: 256 },
        { width: 256, height: 144 },
      ],
      frame_counts: [8, 16, 24, 32],
      durations: [1, 2, 3, 4],
    };
    const actions = quickActionsFor(grown);
    expect(actions.durations.map((d) => [d.value, d.label])).toEqual([
      ["8", "1 s"],
      ["16", "2 s"],
      ["24", "3 s"],
      ["32", "4 s"],
    ]);
    expect(actions.sizes.map((s) => [s.value, s.label])).toEqual([
      ["64x64", "64²"],
      ["128x128", "128²"],
      ["256x256", "256²"],
      ["256x144", "256×144 · 16:9"],
    ]);
  });

  it("offers the default size of a model that takes any size in a range", () => {
    const ranged: Model = { ...base, sizes: null, frame_counts: [16], durations: [2] };
    expect(quickActionsFor(ranged).sizes.map((s) => s.value)).toEqual(["64x64"]);
  });

  it("picks the default model and parses sizes", () => {
    const other = { ...base, id: "other", default: false, sizes: null, frame_counts: [], durations: [] };
    const tiny = { ...other, id: "tiny", default: true };
    expect(defaultModel({ object: "list", data: [other, tiny] })?.id).toBe("tiny");
    expect(parseSize("256x144")).toEqual({ width: 256, height: 144 });
    expect(parseSize("big")).toBeNull();
  });
});
