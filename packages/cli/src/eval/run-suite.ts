import { type ClauseResult, evaluateVideo, type SuiteEntry } from "@sketchreel/shape-world";
import type { ClipSource } from "./clip-sources.js";
import { sheetFrames } from "./contact-sheet.js";
import { type ThingTracks, thingTracks } from "./seed-variety.js";

/** One prompt × seed: a clip from the source at the entry's format, scored clause by clause. */
export interface EvalRun {
  id: string;
  prompt: string;
  seed: number;
  pass: boolean;
  clauses: ClauseResult[];
  /** Time to make the clip (the pipeline run) in milliseconds. */
  ms: number;
  /** First, middle and last frame, for the contact sheet. */
  frames: Uint8Array[];
  width: number;
  height: number;
  /** Frames in the clip (with width and height: the format it was made and judged at). */
  num_frames: number;
  /** Each named thing's normalized position per frame, as the evaluator reads it (for seed variety). */
  tracks: ThingTracks;
}

export interface RunSuiteOptions {
  seeds: number[];
  /** Called after each run with its index (0-based) and the total. */
  onRun?: (run: EvalRun, index: number, total: number) => void;
}

export async function runSuite(source: ClipSource, suite: SuiteEntry[], options: RunSuiteOptions): Promise<EvalRun[]> {
  const runs: EvalRun[] = [];
  const total = suite.length * options.seeds.length;
  for (const entry of suite) {
    for (const seed of options.seeds) {
      const { video, ms } = await source.render(entry, seed);
      const scored = evaluateVideo(video, entry);
      const run: EvalRun = {
        id: entry.id,
        prompt: entry.prompt,
        seed,
        pass: scored.pass,
        clauses: scored.clauses,
        ms,
        frames: sheetFrames(video.frames),
        width: video.width,
        height: video.height,
        num_frames: video.frames.length,
        tracks: thingTracks(scored.reads, entry.objects),
      };
      runs.push(run);
      options.onRun?.(run, runs.length - 1, total);
    }
  }
  return runs;
}
