import { modelDir, SERVED_MODEL_IDS } from "@sketchreel/models";
import { describe, expect, it } from "vitest";
import { loadOnnxPipeline } from "../src/onnx/index.js";

// What a runner does at start-up with every package it may serve: load it and warm every graph up.
// (A closed vocabulary refuses a made-up warm-up prompt: the runner used to die here.)
describe.each(SERVED_MODEL_IDS)("the served model %s", (id) => {
  it("loads and warms up, then draws its first example", async () => {
    const loaded = await loadOnnxPipeline({ modelDir: modelDir(id), threads: 1, warmUp: true });
    try {
      const example = loaded.pipeline.model.index.examples?.[0];
      expect(example).toBeTypeOf("string");
      const { video } = await loaded.pipeline.run({ prompt: example!, seed: 1, num_inference_steps: 2 });
      expect(video.frames.length).toBe(loaded.pipeline.model.index.defaults.num_frames);
    } finally {
      await loaded.dispose();
    }
  });
});
