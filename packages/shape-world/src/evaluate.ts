import { parsePrompt } from "./parse-prompt.js";
import { type FrameRead, readFrames } from "./read-frames.js";
import type { RgbFrames } from "./render.js";
import { type ClauseResult, checkClauses } from "./rules.js";
import type { SceneSpec } from "./scene.js";

export interface SceneEvaluation {
  /** Every clause passed. */
  pass: boolean;
  clauses: ClauseResult[];
  /** What was read back per frame: every colour's blobs (centroids, areas, fills, shapes). */
  reads: FrameRead[];
}

/**
 * Scores a clip against a scene: reads every frame's blobs back by color and checks each clause
 * on the scene's things (WORLD-V2.md). A prompt string is parsed first (`PromptParseError` if it
 * is outside the grammar). Any width × height; v1 scenes are v2 scenes with every count 1.
 */
export function evaluateVideo(video: RgbFrames, scene: SceneSpec | string): SceneEvaluation {
  const spec = typeof scene === "string" ? parsePrompt(scene) : scene;
  const reads = readFrames(video);
  const clauses = checkClauses(reads, spec.objects, spec.clauses);
  return { pass: clauses.every((c) => c.pass), clauses, reads };
}
