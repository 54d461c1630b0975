import type { OnnxPipeline } from "@sketchreel/pipeline/onnx";
import { type RgbFrames, renderScene, type SuiteEntry } from "@sketchreel/shape-world";
import { generate } from "../generate/generate-to-files.js";

/** Where evaluated clips come from: the model (through `generate`) or the ground-truth renderer. */
export interface ClipSource {
  /** For the report: which model (or "ground-truth") made the clips. */
  describe(): { dir: string | null; id: string; version: string };
  render(entry: SuiteEntry, seed: number): Promise<{ video: RgbFrames; ms: number }>;
  dispose(): Promise<void>;
}

export interface ModelParams {
  steps?: number;
  guidance?: number;
}

/** The same path as `sketchreel generate`: the programmatic `generate()` on a built pipeline. */
export function modelSource(runner: OnnxPipeline, params: ModelParams): ClipSource {
  const { index } = runner.pipeline.model;
  return {
    describe: () => ({ dir: runner.modelDir, id: index.model_id, version: index.model_version }),
    async render(entry, seed) {
      const result = await generate(runner, {
        prompt: entry.prompt,
        seed,
        ...(params.steps !== undefined ? { num_inference_steps: params.steps } : {}),
        ...(params.guidance !== undefined ? { guidance_scale: params.guidance } : {}),
      });
      return { video: result.video, ms: result.timings_ms.total };
    },
    dispose: () => runner.dispose(),
  };
}

/**
 * Every scene drawn exactly as its clauses say (seeded layout, 64×64, 16 frames): checks the suite
 * and the scoring end to end, and must score 100 %.
 */
export function groundTruthSource(): ClipSource {
  return {
    describe: () => ({ dir: null, id: "ground-truth", version: "shape-world" }),
    async render(entry, seed) {
      const start = performance.now();
      const video = renderScene(entry, { seed });
      return { video, ms: Math.round((performance.now() - start) * 100) / 100 };
    },
    dispose: async () => {},
  };
}
