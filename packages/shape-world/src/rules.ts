import type { FrameRead, ReadObject } from "./read-frames.js";
import type { Clause, MotionClause, RelationClause, SceneObject, ShapeClause, StationaryClause } from "./scene.js";
import { COLORS, type Color, inPlace, type Place } from "./vocabulary.js";

/**
 * The clause checks of DESIGN.md, on objects read back per frame. Each returns pass/fail with a
 * reason a person can act on ("blue visible in 12/16 frames, needs ≥ 90 %").
 */
export interface ClauseResult {
  clause: Clause;
  pass: boolean;
  reason: string;
}

export const PRESENCE_FRACTION = 0.9;
export const STATIONARY_DRIFT = 0.08;
export const RELATION_MARGIN = 0.1;
export const RELATION_FRACTION = 0.8;
/** Backward steps along the path smaller than this still count as monotone progress (read-back jitter). */
export const MONOTONE_TOLERANCE = 0.03;

export function checkClause(reads: FrameRead[], objects: SceneObject[], clause: Clause): ClauseResult {
  const result = (pass: boolean, reason: string): ClauseResult => ({ clause, pass, reason });
  switch (clause.kind) {
    case "presence":
      return result(...checkPresence(reads, objects));
    case "shape":
      return result(...checkShape(reads, clause));
    case "motion":
      return result(...checkMotion(reads, clause));
    case "stationary":
      return result(...checkStationary(reads, clause));
    case "relation":
      return result(...checkRelation(reads, clause));
  }
}

type Verdict = [pass: boolean, reason: string];

const track = (reads: FrameRead[], color: Color) => reads.map((r) => r[color]);
const visible = (reads: FrameRead[], color: Color) => reads.filter((r) => r[color] !== undefined).length;
const at = (o: ReadObject) => `(${o.x.toFixed(2)}, ${o.y.toFixed(2)})`;

/** Each named object in ≥ 90 % of frames; no unnamed object (a blob of another palette color) in any frame. */
function checkPresence(reads: FrameRead[], objects: SceneObject[]): Verdict {
  const n = reads.length;
  const problems: string[] = [];
  for (const { color } of objects) {
    const seen = visible(reads, color);
    if (seen < PRESENCE_FRACTION * n) problems.push(`${color} visible in ${seen}/${n} frames, needs ≥ 90 %`);
  }
  const named = new Set(objects.map((o) => o.color));
  for (const color of COLORS) {
    const seen = named.has(color) ? 0 : visible(reads, color);
    if (seen > 0) problems.push(`unnamed ${color} object in ${seen}/${n} frames`);
  }
  if (n === 0) problems.push("no frames");
  return problems.length
    ? [false, problems.join("; ")]
    : [true, `all ${objects.length} named objects visible, nothing else`];
}

/** The majority shape over the frames the object is visible in; a tie between shapes fails. */
function checkShape(reads: FrameRead[], { color, shape }: ShapeClause): Verdict {
  const seen = track(reads, color).filter((o): o is ReadObject => o !== undefined);
  if (!seen.length) return [false, `${color} never visible`];
  const votes = new Map<string, number>();
  for (const o of seen) votes.set(o.shape, (votes.get(o.shape) ?? 0) + 1);
  const [majority, count] = [...votes].reduce((a, b) => (b[1] > a[1] ? b : a));
  const tied = [...votes].filter(([, n]) => n === count).length > 1;
  const meanFill = seen.reduce((s, o) => s + o.fill, 0) / seen.length;
  const reason = `${color} reads as ${majority} in ${count}/${seen.length} visible frames (mean fill ${meanFill.toFixed(2)})`;
  if (tied) return [false, `${color} reads as no single shape: ${[...votes].map(([s, n]) => `${s} ${n}`).join(", ")}`];
  return [majority === shape, majority === shape ? reason : `${reason}, expected ${shape}`];
}

/** Region `from` at the first frame, `to` at the last, and no step back along the path. */
function checkMotion(reads: FrameRead[], { color, from, to }: MotionClause): Verdict {
  const path = track(reads, color);
  const first = path[0];
  const last = path.at(-1);
  if (!first || !last) return [false, `${color} not visible in the ${first ? "last" : "first"} frame`];
  const problems: string[] = [];
  if (!inPlace(from, first.x, first.y)) problems.push(`starts at ${at(first)}, not in ${from}`);
  if (!inPlace(to, last.x, last.y)) problems.push(`ends at ${at(last)}, not in ${to}`);
  const length = Math.max(Math.hypot(last.x - first.x, last.y - first.y), 1e-6);
  const [dx, dy] = [(last.x - first.x) / length, (last.y - first.y) / length];
  let best = Number.NEGATIVE_INFINITY;
  for (const [f, o] of path.entries()) {
    if (!o) continue;
    const progress = (o.x - first.x) * dx + (o.y - first.y) * dy;
    if (progress < best - MONOTONE_TOLERANCE) {
      problems.push(`moves back along the path at frame ${f} (${progress.toFixed(2)} after ${best.toFixed(2)})`);
      break;
    }
    best = Math.max(best, progress);
  }
  return problems.length
    ? [false, `${color}: ${problems.join("; ")}`]
    : [true, `${color} moves ${at(first)} → ${at(last)}, ${from} → ${to}, monotone`];
}

/** Drift ≤ 0.08 from its first visible position; when `at` is set, the mean centroid in that region. */
function checkStationary(reads: FrameRead[], { color, at: place }: StationaryClause): Verdict {
  const seen = track(reads, color).filter((o): o is ReadObject => o !== undefined);
  const first = seen[0];
  if (!first) return [false, `${color} never visible`];
  const drift = Math.max(...seen.map((o) => Math.hypot(o.x - first.x, o.y - first.y)));
  const mean = {
    x: seen.reduce((s, o) => s + o.x, 0) / seen.length,
    y: seen.reduce((s, o) => s + o.y, 0) / seen.length,
  };
  const problems: string[] = [];
  if (drift > STATIONARY_DRIFT) problems.push(`drifts ${drift.toFixed(2)}, allowed ${STATIONARY_DRIFT}`);
  if (place && !inPlace(place as Place, mean.x, mean.y))
    problems.push(`sits at ${at(mean as ReadObject)}, not in ${place}`);
  return problems.length
    ? [false, `${color}: ${problems.join("; ")}`]
    : [true, `${color} stays at ${at(mean as ReadObject)}${place ? ` in ${place}` : ""}, drift ${drift.toFixed(2)}`];
}

const MARGIN: Record<RelationClause["relation"], (a: ReadObject, b: ReadObject) => number> = {
  above: (a, b) => b.y - a.y,
  below: (a, b) => a.y - b.y,
  "to the left of": (a, b) => b.x - a.x,
  "to the right of": (a, b) => a.x - b.x,
};

/** Margin ≥ 0.1 on the relation's axis in ≥ 80 % of all frames (a frame missing either object fails). */
function checkRelation(reads: FrameRead[], { color, relation, other }: RelationClause): Verdict {
  const n = reads.length;
  const holds = reads.filter((r) => {
    const a = r[color];
    const b = r[other];
    return a !== undefined && b !== undefined && MARGIN[relation](a, b) >= RELATION_MARGIN;
  }).length;
  const reason = `${color} ${relation} ${other} by ≥ ${RELATION_MARGIN} in ${holds}/${n} frames`;
  return holds >= RELATION_FRACTION * n && n > 0 ? [true, reason] : [false, `${reason}, needs ≥ 80 %`];
}
