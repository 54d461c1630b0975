import { checkModelLimits } from "@sketchreel/contract";
import type { OnnxPipeline } from "@sketchreel/pipeline/onnx";
import { type RgbFrames, renderScene, type SuiteEntry } from "@sketchreel/shape-world";
import { generate } from "../generate/generate-to-files.js";
import { askedFormat, describeFormat } from "./clip-format.js";
import { SuiteLoadError } from "./load-suite.js";

/** Where evaluated clips come from: the model (through `generate`) or the ground-truth renderer. */
export interface ClipSource {
  /** For the report: which model (or "ground-truth") made the clips. */
  describe(): { dir: string | null; id: string; version: string };
  /** Throws `SuiteLoadError` naming every entry whose format (size × frames) this source cannot make. */
  checkFormats(suite: SuiteEntry[]): void;
  /** The entry's clip at its own format (`width`, `height`, `num_frames`; the source's defaults where absent). */
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
    checkFormats(suite) {
      // The model's own size and frame rules (the contract's checkModelLimits, as the pipeline's stage 1),
      // before any clip is made: a suite at formats the model lacks fails at once, not halfway.
      const refused = suite.flatMap((entry) => {
        const format = { ...index.defaults, ...askedFormat(entry) };
        const errors = checkModelLimits(index, { ...format, num_inference_steps: 1 });
        const asked = describeFormat(askedFormat(entry));
        return errors.length ? [`${entry.id} (${asked}): ${errors.map((e) => e.message).join("; ")}`] : [];
      });
      if (refused.length > 0) {
        throw new SuiteLoadError(
          `the model cannot draw ${refused.length} suite entr${refused.length === 1 ? "y" : "ies"} at their format:\n  ${refused.join("\n  ")}`,
        );
      }
    },
    async render(entry, seed) {
      const result = await generate(runner, {
        prompt: entry.prompt,
        seed,
        ...askedFormat(entry),
        ...(params.steps !== undefined ? { num_inference_steps: params.steps } : {}),
        ...(params.guidance !== undefined ? { guidance_scale: params.guidance } : {}),
      });
      return { video: result.video, ms: result.timings_ms.total };
    },
    dispose: () => runner.dispose(),
  };
}

/**
 * Every scene drawn exactly as its clauses say (seeded layout; the entry's format, else 64×64 and
 * 16 frames): checks the suite and the scoring end to end, and must score 100 %.
 */
export function groundTruthSource(): ClipSource {
  return {
    describe: () => ({ dir: null, id: "ground-truth", version: "shape-world" }),
    checkFormats: () => {},
    async render(entry, seed) {
      const start = performance.now();
      const { width = 64, height = 64, num_frames: frames = 16 } = askedFormat(entry);
      const video = renderScene(entry, { seed, width, height, frames });
      return { video, ms: Math.round((performance.now() - start) * 100) / 100 };
    },
    dispose: async () => {},
  };
}
