import { checkBetween, checkFormation, checkOrbit, formatPoint, meanPoint, type Verdict } from "./geometry-rules.js";
import { type FrameRead, SceneRead } from "./read-frames.js";
import type { Point } from "./render.js";
import type {
  BackAndForthClause,
  Clause,
  MotionClause,
  RelationClause,
  SceneObject,
  ShapeClause,
  StationaryClause,
} from "./scene.js";
import { inPlace } from "./vocabulary.js";

/**
 * The clause checks of WORLD-V2.md (twin: training/shapeworld/rules.py) on blobs read back per
 * frame, seen through the scene's things (`SceneRead`). Each returns pass/fail with a reason a
 * person can act on ("yellow: 4 objects instead of 5 in 16/16 frames"). Rules on normalized
 * positions live here; those in shorter-side units (formation, between, orbit) in geometry-rules.ts.
 */
export interface ClauseResult {
  clause: Clause;
  pass: boolean;
  reason: string;
}

export const PRESENCE_FRACTION = 0.9;
/** An object's area is at most this multiple of the expected (and at least `OBJECT_AREA_MIN`, or it is no object). */
export const AREA_MAX = 2.5;
export const STATIONARY_DRIFT = 0.08;
export const RELATION_MARGIN = 0.1;
export const RELATION_FRACTION = 0.8;
/** Backward steps along the path smaller than this still count as monotone progress (read-back jitter). */
export const MONOTONE_TOLERANCE = 0.03;
/** Motion: Spearman rank correlation of progress along first → last with time. */
export const SPEARMAN_MIN = 0.8;
/** Back and forth: `b` must be reached at a frame in this part of the clip (fractions of F − 1). */
export const BACK_AND_FORTH_MIDDLE: Point = [0.35, 0.65];

/** Checks one clause; for a whole scene `checkClauses` reads the frames once. */
export function checkClause(
  reads: readonly FrameRead[],
  objects: readonly SceneObject[],
  clause: Clause,
): ClauseResult {
  return judge(new SceneRead(reads, objects), clause);
}

/** Every clause of a scene on frame reads, in order. */
export function checkClauses(
  reads: readonly FrameRead[],
  objects: readonly SceneObject[],
  clauses: readonly Clause[],
): ClauseResult[] {
  const scene = new SceneRead(reads, objects);
  return clauses.map((clause) => judge(scene, clause));
}

function judge(scene: SceneRead, clause: Clause): ClauseResult {
  const [pass, reason] = verdict(scene, clause);
  return { clause, pass, reason };
}

function verdict(scene: SceneRead, clause: Clause): Verdict {
  switch (clause.kind) {
    case "presence":
      return checkPresence(scene);
    case "shape":
      return checkShape(scene, clause);
    case "motion":
      return checkMotion(scene, clause);
    case "stationary":
      return checkStationary(scene, clause);
    case "relation":
      return checkRelation(scene, clause);
    case "formation":
      return checkFormation(scene, clause);
    case "between":
      return checkBetween(scene, clause);
    case "orbit":
      return checkOrbit(scene, clause);
    case "back_and_forth":
      return checkBackAndForth(scene, clause);
  }
}

const readPoints = (track: (Point | undefined)[]) => track.filter((p): p is Point => p !== undefined);

/** In ≥ 90 % of frames: each named colour has exactly `count` objects of 0.4–2.5× the expected area, and no unnamed colour forms an object. */
function checkPresence(scene: SceneRead): Verdict {
  const n = scene.frames;
  const issues = new Map<string, string[]>(); // "colour kind" → per failing frame, what was wrong
  const note = (key: string, text: string) => issues.set(key, [...(issues.get(key) ?? []), text]);
  let good = 0;
  for (let f = 0; f < n; f++) {
    let ok = true;
    for (const [color, thing] of scene.named) {
      const objects = scene.members(f, color);
      const count = thing.count ?? 1;
      if (objects.length !== count) {
        note(`${color} count`, `${color}: ${objects.length} objects instead of ${count}`);
        ok = false;
      }
      const largest = Math.max(0, ...objects.map((o) => o.area / scene.expected(f, color)));
      if (largest > AREA_MAX) {
        note(`${color} area`, `${color}: an object ${largest.toFixed(1)}× the expected area (at most ${AREA_MAX}×)`);
        ok = false;
      }
    }
    for (const color of scene.colorsIn(f).filter((c) => !scene.named.has(c))) {
      note(`${color} unnamed`, `${color}: an unnamed object`);
      ok = false;
    }
    if (ok) good++;
  }
  if (n > 0 && good >= PRESENCE_FRACTION * n)
    return [true, `every count and size as named, nothing else, in ${good}/${n} frames`];
  const details = [...issues.values()].map((texts) => `${texts[0]} in ${texts.length}/${n} frames`);
  return [false, `objects as named in ${good}/${n} frames, needs ≥ 90 %: ${details.join("; ") || "no frames"}`];
}

/** The majority shape over frames and over a group's members (a single: its tracked, largest object); a tie fails. */
function checkShape(scene: SceneRead, { color, shape }: ShapeClause): Verdict {
  const group = scene.count(color) > 1;
  const seen = Array.from({ length: scene.frames }, (_, f) => scene.members(f, color)).flatMap((objects) =>
    group ? objects : objects.slice(0, 1),
  );
  if (!seen.length) return [false, `${color} never read`];
  const votes = new Map<string, number>();
  for (const o of seen) votes.set(o.shape, (votes.get(o.shape) ?? 0) + 1);
  const tally = [...votes].sort(([a], [b]) => (a < b ? -1 : 1));
  const [majority, count] = tally.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (tally.filter(([, k]) => k === count).length > 1)
    return [false, `${color} reads as no single shape: ${tally.map(([s, k]) => `${s} ${k}`).join(", ")}`];
  const meanFill = seen.reduce((s, o) => s + o.fill, 0) / seen.length;
  const reason = `${color} reads as ${majority} in ${count}/${seen.length} ${group ? "member reads" : "visible frames"} (mean fill ${meanFill.toFixed(2)})`;
  return majority === shape ? [true, reason] : [false, `${reason}, expected ${shape}`];
}

/** Spearman's rank correlation (average ranks for ties); NaN when either side is constant. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const ranks = (v: readonly number[]) => {
    const order = v.map((_, i) => i).sort((i, j) => (v[i] as number) - (v[j] as number) || i - j);
    const r = new Array<number>(v.length).fill(0);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && v[order[j + 1] as number] === v[order[i] as number]) j++;
      for (let k = i; k <= j; k++) r[order[k] as number] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const [a, b] = [ranks(xs), ranks(ys)];
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let cov = 0;
  for (let i = 0; i < a.length; i++) cov += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  const va = a.reduce((s, v) => s + (v - ma) * (v - ma), 0);
  const vb = b.reduce((s, v) => s + (v - mb) * (v - mb), 0);
  const scale = Math.sqrt(va * vb);
  return scale > 0 ? cov / scale : Number.NaN;
}

/** Region `from` at the first frame, `to` at the last; progress along first → last monotone (no step back > 0.03, Spearman ≥ 0.8). */
function checkMotion(scene: SceneRead, { color, from, to }: MotionClause): Verdict {
  const path = scene.track(color);
  const first = path[0];
  const last = path.at(-1);
  if (!first || !last) return [false, `${color} not read in the ${first ? "last" : "first"} frame`];
  const problems: string[] = [];
  if (!inPlace(from, ...first)) problems.push(`starts at ${formatPoint(first)}, not in ${from}`);
  if (!inPlace(to, ...last)) problems.push(`ends at ${formatPoint(last)}, not in ${to}`);
  const length = Math.max(Math.hypot(last[0] - first[0], last[1] - first[1]), 1e-6);
  const [dx, dy] = [(last[0] - first[0]) / length, (last[1] - first[1]) / length];
  const times: number[] = [];
  const progress: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  let backSteps = 0;
  for (const [f, p] of path.entries()) {
    if (!p) continue;
    const s = (p[0] - first[0]) * dx + (p[1] - first[1]) * dy;
    if (s < best - MONOTONE_TOLERANCE && backSteps++ === 0)
      problems.push(`moves back along the path at frame ${f} (${s.toFixed(2)} after ${best.toFixed(2)})`);
    best = Math.max(best, s);
    times.push(f);
    progress.push(s);
  }
  const rho = spearman(times, progress);
  if (!(rho >= SPEARMAN_MIN))
    problems.push(`progress follows time with Spearman ${rho.toFixed(2)}, needs ≥ ${SPEARMAN_MIN}`);
  return problems.length
    ? [false, `${color}: ${problems.join("; ")}`]
    : [true, `${color} moves ${formatPoint(first)} → ${formatPoint(last)}, ${from} → ${to}, monotone`];
}

/** Drift ≤ 0.08 from its first read position; when `at` is set, the mean position in that region. */
function checkStationary(scene: SceneRead, { color, at: place }: StationaryClause): Verdict {
  const seen = readPoints(scene.track(color));
  const first = seen[0];
  if (!first) return [false, `${color} never read`];
  const drift = Math.max(...seen.map((p) => Math.hypot(p[0] - first[0], p[1] - first[1])));
  const middle = meanPoint(seen);
  const problems: string[] = [];
  if (drift > STATIONARY_DRIFT) problems.push(`drifts ${drift.toFixed(2)}, allowed ${STATIONARY_DRIFT}`);
  if (place && !inPlace(place, ...middle)) problems.push(`sits at ${formatPoint(middle)}, not in ${place}`);
  return problems.length
    ? [false, `${color}: ${problems.join("; ")}`]
    : [true, `${color} stays at ${formatPoint(middle)}${place ? ` in ${place}` : ""}, drift ${drift.toFixed(2)}`];
}

const MARGIN: Record<RelationClause["relation"], (a: Point, b: Point) => number> = {
  above: (a, b) => b[1] - a[1],
  below: (a, b) => a[1] - b[1],
  "to the left of": (a, b) => b[0] - a[0],
  "to the right of": (a, b) => a[0] - b[0],
};

/** Margin ≥ 0.1 on the relation's axis in ≥ 80 % of all frames (a frame missing either thing fails). */
function checkRelation(scene: SceneRead, { color, relation, other }: RelationClause): Verdict {
  const n = scene.frames;
  const others = scene.track(other);
  const holds = scene.track(color).filter((a, f) => {
    const b = others[f];
    return a !== undefined && b !== undefined && MARGIN[relation](a, b) >= RELATION_MARGIN;
  }).length;
  const reason = `${color} ${relation} ${other} by ≥ ${RELATION_MARGIN} in ${holds}/${n} frames`;
  return holds >= RELATION_FRACTION * n && n > 0 ? [true, reason] : [false, `${reason}, needs ≥ 80 %`];
}

/** In `a` at the first and the last frame, in `b` at some frame in [0.35, 0.65]·(F − 1). */
function checkBackAndForth(scene: SceneRead, { color, a, b }: BackAndForthClause): Verdict {
  const path = scene.track(color);
  const last = scene.frames - 1;
  const problems: string[] = [];
  for (const [name, p] of [
    ["first", path[0]],
    ["last", path.at(-1)],
  ] as const) {
    if (!p) problems.push(`not read in the ${name} frame`);
    else if (!inPlace(a, ...p)) problems.push(`at ${formatPoint(p)} in the ${name} frame, not in ${a}`);
  }
  const middle = path
    .map((_, f) => f)
    .filter((f) => BACK_AND_FORTH_MIDDLE[0] * last <= f && f <= BACK_AND_FORTH_MIDDLE[1] * last);
  const inB = (f: number) => {
    const p = path[f];
    return p !== undefined && inPlace(b, ...p);
  };
  if (!middle.some(inB)) {
    const seen = readPoints(middle.map((f) => path[f])).map(formatPoint);
    problems.push(
      `never in ${b} in frames ${middle[0] ?? "–"}–${middle.at(-1) ?? "–"} (at ${seen.join(", ") || "no read position"})`,
    );
  }
  return problems.length ? [false, `${color}: ${problems.join("; ")}`] : [true, `${color} goes ${a} → ${b} → ${a}`];
}
