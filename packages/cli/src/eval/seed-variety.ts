import { type Color, type FrameRead, type Point, type SceneObject, SceneRead } from "@sketchreel/shape-world";
import type { EvalRun } from "./run-suite.js";

/**
 * Seed variety (DESIGN.md "Seeds": different seeds give visibly different scenes that all still obey
 * the prompt): how far each thing stands from itself between seed 1 and seed 2, over the prompts
 * that pass fully on both.
 */

/** The two seeds compared. */
export const VARIETY_SEEDS = [1, 2] as const;
/** The bar for `mean_centroid_distance`. */
export const SEED_VARIETY_BAR = 0.05;

export interface SeedVariety {
  /** Prompts fully correct on both seed 1 and seed 2 (the ones measured). */
  prompts: number;
  /**
   * Mean over those prompts of the mean over the prompt's things and frames of the distance between
   * the thing's position at seed 1 and at seed 2 (normalized: x by width, y by height).
   */
  mean_centroid_distance: number;
}

/** Each named thing's position per frame; undefined where it is not read. */
export type ThingTracks = Partial<Record<Color, (Point | undefined)[]>>;

/**
 * The scene's things tracked through the reads exactly as the evaluator sees them (`SceneRead`): a
 * single at its largest object, a group at the mean of its members in frames where exactly `count`
 * are read; normalized x by width, y by height.
 */
export function thingTracks(reads: readonly FrameRead[], objects: readonly SceneObject[]): ThingTracks {
  const scene = new SceneRead(reads, objects);
  return Object.fromEntries(objects.map((o) => [o.color, scene.track(o.color)]));
}

/**
 * Mean distance between the same thing's positions in two clips of one scene, over its things and
 * the frames where both clips read the thing; null when there is no such frame.
 */
export function centroidDistance(a: ThingTracks, b: ThingTracks): number | null {
  let sum = 0;
  let n = 0;
  for (const [color, trackA] of Object.entries(a) as [Color, (Point | undefined)[]][]) {
    const trackB = b[color] ?? [];
    for (let f = 0; f < Math.min(trackA.length, trackB.length); f++) {
      const p = trackA[f];
      const q = trackB[f];
      if (!p || !q) continue;
      sum += Math.hypot(p[0] - q[0], p[1] - q[1]);
      n++;
    }
  }
  return n ? sum / n : null;
}

/**
 * `summary.seed_variety`: over every prompt fully correct on both seed 1 and seed 2, the mean of its
 * `centroidDistance`; null when seeds 1 and 2 were not both run or no prompt qualifies. Rounded to 4 decimals.
 */
export function seedVariety(runs: readonly EvalRun[]): SeedVariety | null {
  const [first, second] = VARIETY_SEEDS;
  const distances: number[] = [];
  for (const id of new Set(runs.map((r) => r.id))) {
    const a = runs.find((r) => r.id === id && r.seed === first);
    const b = runs.find((r) => r.id === id && r.seed === second);
    if (!a?.pass || !b?.pass) continue;
    const d = centroidDistance(a.tracks, b.tracks);
    if (d !== null) distances.push(d);
  }
  if (!distances.length) return null;
  const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
  return { prompts: distances.length, mean_centroid_distance: Math.round(mean * 10_000) / 10_000 };
}
