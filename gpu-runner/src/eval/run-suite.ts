import { type ClauseResult, evaluateVideo, type SuiteEntry } from "@sketchreel/shape-world";
import { generate, type RunnerPipeline } from "../generation/index.js";
import { sheetFrames } from "./contact-sheet.js";

/** One prompt × seed: generated through the same path as `sketchreel generate`, then scored. */
export interface EvalRun {
  id: string;
  prompt: string;
  seed: number;
  pass: boolean;
  clauses: ClauseResult[];
  /** Generation time (pipeline run) in milliseconds. */
  ms: number;
  /** First, middle and last frame, for the contact sheet. */
  frames: Uint8Array[];
  width: number;
  height: number;
}

export interface RunSuiteOptions {
  seeds: number[];
  steps?: number;
  guidance?: number;
  /** Called after each run with its index (0-based) and the total. */
  onRun?: (run: EvalRun, index: number, total: number) => void;
}

export async function runSuite(
  runner: RunnerPipeline,
  suite: SuiteEntry[],
  options: RunSuiteOptions,
): Promise<EvalRun[]> {
  const runs: EvalRun[] = [];
  const total = suite.length * options.seeds.length;
  for (const entry of suite) {
    for (const seed of options.seeds) {
      const result = await generate(runner, {
        prompt: entry.prompt,
        seed,
        ...(options.steps !== undefined ? { num_inference_steps: options.steps } : {}),
        ...(options.guidance !== undefined ? { guidance_scale: options.guidance } : {}),
      });
      const { video } = result;
      const scored = evaluateVideo(video, entry);
      const run: EvalRun = {
        id: entry.id,
        prompt: entry.prompt,
        seed,
        pass: scored.pass,
        clauses: scored.clauses,
        ms: result.timings_ms.total,
        frames: sheetFrames(video.frames),
        width: video.width,
        height: video.height,
      };
      runs.push(run);
      options.onRun?.(run, runs.length - 1, total);
    }
  }
  return runs;
}
