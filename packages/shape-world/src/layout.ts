import type { Point, RenderObject } from "./render.js";
import { createRng, pick, uniform } from "./rng.js";
import type { RelationClause, SceneSpec } from "./scene.js";
import { type Color, PLACES, type Place } from "./vocabulary.js";

export const OBJECT_SIZE = 0.2;
/** Minimum distance between two objects' centers in every frame. */
export const MIN_GAP = 0.26;

/**
 * Where a place puts an object: anchor and jitter per axis (the training generator's table,
 * training/shapeworld/vocab.py ANCHORS). A free axis (y for "left") jitters widely.
 */
export const ANCHORS: Record<Place, { anchor: Point; jitter: Point }> = {
  left: { anchor: [0.2, 0.5], jitter: [0.04, 0.12] },
  right: { anchor: [0.8, 0.5], jitter: [0.04, 0.12] },
  top: { anchor: [0.5, 0.2], jitter: [0.12, 0.04] },
  bottom: { anchor: [0.5, 0.8], jitter: [0.12, 0.04] },
  center: { anchor: [0.5, 0.5], jitter: [0.05, 0.05] },
  "top-left": { anchor: [0.2, 0.2], jitter: [0.04, 0.04] },
  "top-right": { anchor: [0.8, 0.2], jitter: [0.04, 0.04] },
  "bottom-left": { anchor: [0.2, 0.8], jitter: [0.04, 0.04] },
  "bottom-right": { anchor: [0.8, 0.8], jitter: [0.04, 0.04] },
  "left edge": { anchor: [0.13, 0.5], jitter: [0.02, 0.12] },
  "right edge": { anchor: [0.87, 0.5], jitter: [0.02, 0.12] },
  "top edge": { anchor: [0.5, 0.13], jitter: [0.12, 0.02] },
  "bottom edge": { anchor: [0.5, 0.87], jitter: [0.12, 0.02] },
};

export interface LayoutOptions {
  seed: number;
  frames?: number;
}

/**
 * Lays a scene out as ground truth: every clause holds (motion along a straight line at constant
 * speed, stationary objects still, relations with a clear margin), objects ≈ 1/5 of the canvas,
 * kept ≥ MIN_GAP apart. Deterministic in the seed.
 */
export function layoutScene(spec: SceneSpec, { seed, frames = 16 }: LayoutOptions): RenderObject[] {
  const rng = createRng(seed);
  let layout: RenderObject[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    layout = sampleLayout(spec, rng, frames);
    if (minDistance(layout) >= MIN_GAP) return layout;
  }
  return layout;
}

type Path = { start: Point; end: Point };

function sampleLayout(spec: SceneSpec, rng: () => number, frames: number): RenderObject[] {
  const paths = new Map<Color, Path>();
  for (const clause of spec.clauses) {
    if (clause.kind === "motion" && !paths.has(clause.color)) {
      // An axis free at both ends (x for top → bottom) may use the whole free range, so two
      // vertical movers ("falls while … rises") can sit apart.
      const spread = (axis: 0 | 1) => (isFree(clause.from, axis) && isFree(clause.to, axis) ? 0.3 : 0.12);
      const shared: Point = [uniform(rng, -spread(0), spread(0)), uniform(rng, -spread(1), spread(1))];
      paths.set(clause.color, { start: placePoint(rng, clause.from, shared), end: placePoint(rng, clause.to, shared) });
    } else if (clause.kind === "stationary" && !paths.has(clause.color)) {
      const p = placePoint(rng, clause.at ?? pick(rng, PLACES));
      paths.set(clause.color, { start: p, end: p });
    }
  }
  for (const clause of spec.clauses) if (clause.kind === "relation") placeRelation(rng, paths, clause);
  for (const { color } of spec.objects) {
    if (paths.has(color)) continue;
    const p = placePoint(rng, pick(rng, PLACES));
    paths.set(color, { start: p, end: p });
  }
  return spec.objects.map(({ color, shape }) => {
    const { start, end } = paths.get(color) as Path;
    const size = OBJECT_SIZE * uniform(rng, 0.95, 1.05);
    return { color, shape, size, centers: linearPath(start, end, frames) };
  });
}

const isFree = (place: Place, axis: 0 | 1) => ANCHORS[place].jitter[axis] >= 0.1;

function placePoint(rng: () => number, place: Place, shared?: Point): Point {
  const { anchor, jitter } = ANCHORS[place];
  const offset = (axis: 0 | 1) =>
    shared && isFree(place, axis) ? shared[axis] : uniform(rng, -jitter[axis], jitter[axis]);
  return [anchor[0] + offset(0), anchor[1] + offset(1)];
}

const AXIS: Record<RelationClause["relation"], { axis: 0 | 1; sign: 1 | -1 }> = {
  above: { axis: 1, sign: -1 },
  below: { axis: 1, sign: 1 },
  "to the left of": { axis: 0, sign: -1 },
  "to the right of": { axis: 0, sign: 1 },
};

/** Places whichever of the pair is not placed yet; a free pair straddles the middle. */
function placeRelation(rng: () => number, paths: Map<Color, Path>, { color, relation, other }: RelationClause) {
  const { axis, sign } = AXIS[relation];
  const gap = uniform(rng, 0.32, 0.5);
  const still = (p: Point): Path => ({ start: p, end: p });
  const offsetFrom = (p: Point, direction: number): Point => {
    const q: [number, number] = [p[0] + uniform(rng, -0.04, 0.04), p[1] + uniform(rng, -0.04, 0.04)];
    q[axis] = Math.min(0.88, Math.max(0.12, p[axis] + direction * gap));
    return q;
  };
  const a = paths.get(color);
  const b = paths.get(other);
  if (a && b) return;
  if (b) paths.set(color, still(offsetFrom(b.start, sign)));
  else if (a) paths.set(other, still(offsetFrom(a.start, -sign)));
  else {
    const mid: [number, number] = [uniform(rng, 0.3, 0.7), uniform(rng, 0.3, 0.7)];
    mid[axis] = uniform(rng, 0.42, 0.58) - (sign * gap) / 2;
    paths.set(other, still(mid));
    paths.set(color, still(offsetFrom(mid, sign)));
  }
}

export function linearPath(start: Point, end: Point, frames: number): Point[] {
  return Array.from({ length: frames }, (_, f) => {
    const t = frames > 1 ? f / (frames - 1) : 0;
    return [start[0] * (1 - t) + end[0] * t, start[1] * (1 - t) + end[1] * t] as const;
  });
}

function minDistance(objects: RenderObject[]): number {
  const [a, b] = objects;
  if (!a || !b) return Number.POSITIVE_INFINITY;
  return Math.min(
    ...a.centers.map((p, f) => {
      const q = b.centers[f];
      return p && q ? Math.hypot(p[0] - q[0], p[1] - q[1]) : Number.POSITIVE_INFINITY;
    }),
  );
}
