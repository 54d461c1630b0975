import { parsePrompt } from "./parse-prompt.js";
import { type FrameRead, readFrames } from "./read-frames.js";
import type { RgbFrames } from "./render.js";
import { type ClauseResult, checkClause } from "./rules.js";
import type { SceneSpec } from "./scene.js";

export interface SceneEvaluation {
  /** Every clause passed. */
  pass: boolean;
  clauses: ClauseResult[];
  /** What was read back per frame (centroids, areas, fills, shapes by color). */
  reads: FrameRead[];
}

/**
 * Scores a clip against a scene: reads every frame's objects back by color and checks each
 * clause. A prompt string is parsed first (`PromptParseError` if it is outside the grammar).
 */
export function evaluateVideo(video: RgbFrames, scene: SceneSpec | string): SceneEvaluation {
  const spec = typeof scene === "string" ? parsePrompt(scene) : scene;
  const reads = readFrames(video);
  const clauses = spec.clauses.map((clause) => checkClause(reads, spec.objects, clause));
  return { pass: clauses.every((c) => c.pass), clauses, reads };
}
