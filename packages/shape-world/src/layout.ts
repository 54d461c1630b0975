import type { Point, RenderObject } from "./render.js";
import { createRng } from "./rng.js";
import type { Formation, RelationClause, SceneSpec } from "./scene.js";
import { objectSizeFor } from "./scene.js";
import type { Color, Place, Shape } from "./vocabulary.js";

/**
 * World v2's scene layout, the twin of training/shapeworld/world2.py (`layout`, `min_gap`, `choose`,
 * `draw_layout`) with the same operations in the same order: a scene is a list of *things* (a single
 * object or a group), each a small program; uniform noise u (NOISE_PER_THING numbers per thing)
 * turns the programs into objects and their centres per frame. Ground truth draws CANDIDATES noise
 * sets and keeps the layout whose objects stay furthest apart, as the training data and the model do.
 */

/** Where a thing stands: a place, or a layout code of the between and middle-of-a-circle scenes. */
export type LayoutCode = Place | "between-left" | "between-mid" | "between-right" | "mid";
export type PathKind = "still" | "line" | "orbit" | "back_forth";

/** One thing's program (world2.py's dict); `end` equals `start` unless the path goes somewhere. */
export interface Thing {
  color: Color;
  shape: Shape;
  count: number;
  formation: Formation | null;
  path: PathKind;
  start: LayoutCode;
  end: LayoutCode;
}

/** An object as laid out: size in shorter sides, x by width and y by height in every frame. */
export interface LaidOutObject extends RenderObject {
  centers: Point[];
}

export const NOISE_PER_THING = 8; // u[2], u[3] unused (a path's ends share u[0], u[1])
/** Layouts drawn per scene; the one keeping objects furthest apart is used. */
export const CANDIDATES = 16;

type Range = readonly [number, number];
const box = (x0: number, x1: number, y0: number, y1: number): readonly [Range, Range] => [
  [x0, x1],
  [y0, y1],
];
/** Box (x range, y range) a thing's centre is drawn from for each code, x by width, y by height. */
export const BOXES: Record<LayoutCode, readonly [Range, Range]> = {
  left: box(0.16, 0.3, 0.26, 0.74),
  right: box(0.7, 0.84, 0.26, 0.74),
  top: box(0.26, 0.74, 0.16, 0.3),
  bottom: box(0.26, 0.74, 0.7, 0.84),
  center: box(0.45, 0.55, 0.45, 0.55),
  "top-left": box(0.16, 0.3, 0.16, 0.3),
  "top-right": box(0.7, 0.84, 0.16, 0.3),
  "bottom-left": box(0.16, 0.3, 0.7, 0.84),
  "bottom-right": box(0.7, 0.84, 0.7, 0.84),
  "left edge": box(0.13, 0.18, 0.36, 0.64),
  "right edge": box(0.82, 0.87, 0.36, 0.64),
  "top edge": box(0.36, 0.64, 0.13, 0.18),
  "bottom edge": box(0.36, 0.64, 0.82, 0.87),
  "between-left": box(0.13, 0.22, 0.46, 0.54),
  "between-mid": box(0.45, 0.55, 0.46, 0.54),
  "between-right": box(0.78, 0.87, 0.46, 0.54),
  mid: box(0.48, 0.52, 0.48, 0.52),
};

const ORBIT_RADIUS: Range = [0.29, 0.34]; // shorter-side units
const ORBIT_JITTER = 0.12; // radians either way around the start place's angle
const CIRCLE_RADIUS: Range = [0.27, 0.33];
const SPACING: Range = [1.6, 1.9]; // row / column spacing in object sizes
const MAX_SPAN = 0.8; // a row's centre-to-centre span, in units of its axis's extent
const MIN_SPACING = 1.35; // in object sizes, when MAX_SPAN caps it
const ROW_SLACK = 0.1; // how far a row's centre may move along its own axis

const lerp = ([lo, hi]: Range, u: number) => lo + (hi - lo) * u;
const boxPoint = (code: LayoutCode, ux: number, uy: number): [number, number] => {
  const [x, y] = BOXES[code];
  return [lerp(x, ux), lerp(y, uy)];
};
const boxCentre = (code: LayoutCode): Point => {
  const [[x0, x1], [y0, y1]] = BOXES[code];
  return [(x0 + x1) / 2, (y0 + y1) / 2];
};
const noise = (u: readonly number[], i: number) => u[i] ?? 0;

/** Centre-to-centre spacing of a row or column of n, in shorter sides. */
const spacing = (n: number, u: readonly number[], s: number, extent: number) =>
  Math.min(lerp(SPACING, noise(u, 4)) * s, Math.max(MIN_SPACING * s, (MAX_SPAN * extent) / (n - 1)));

/** Member offsets (x by width, y by height) around the thing's centre; ax, ay = width, height / shorter side. */
function offsets(thing: Thing, u: readonly number[], s: number, ax: number, ay: number): Point[] {
  const n = thing.count;
  if (n === 1) return [[0, 0]];
  const k = Array.from({ length: n }, (_, i) => i);
  if (thing.formation === "circle") {
    const r = lerp(CIRCLE_RADIUS, noise(u, 6));
    const first = (noise(u, 7) * 2 * Math.PI) / n;
    return k.map((i) => {
      const a = first + (2 * Math.PI * i) / n;
      return [(r * Math.cos(a)) / ax, (r * Math.sin(a)) / ay];
    });
  }
  const column = thing.formation === "column"; // a group without a formation stands in a row
  const extent = column ? ay : ax;
  const sp = spacing(n, u, s, extent);
  return k.map((i) => {
    const along = ((i - (n - 1) / 2) * sp) / extent;
    return column ? [0, along] : [along, 0];
  });
}

/** The thing's centre per frame. */
function centrePath(thing: Thing, u: readonly number[], s: number, ax: number, ay: number, frames: number): Point[] {
  const f = Array.from({ length: frames }, (_, i) => i);
  if (thing.path === "orbit") {
    const r = lerp(ORBIT_RADIUS, noise(u, 6));
    const [sx, sy] = boxCentre(thing.start);
    // each axis scaled by the square root of its extent: a corner start stays in its region on 16:9
    const a0 =
      Math.atan2((sy - 0.5) * Math.sqrt(ay), (sx - 0.5) * Math.sqrt(ax)) + (noise(u, 7) - 0.5) * 2 * ORBIT_JITTER;
    return f.map((i) => {
      const a = a0 + (2 * Math.PI * i) / frames;
      return [0.5 + (r * Math.cos(a)) / ax, 0.5 + (r * Math.sin(a)) / ay];
    });
  }
  // both ends at the same relative spot of their boxes: a fall stays vertical, a slide horizontal
  const start = boxPoint(thing.start, noise(u, 0), noise(u, 1));
  const end = boxPoint(thing.end, noise(u, 0), noise(u, 1));
  if (thing.count > 1 && thing.formation !== "circle") {
    // a row keeps its x (a column its y) on the move, and may shift along its own axis
    const axis = thing.formation === "column" ? 1 : 0;
    const extent = axis === 1 ? ay : ax;
    const halfSpan = (((thing.count - 1) / 2) * spacing(thing.count, u, s, extent)) / extent;
    const margin = (0.55 * s + 0.04) / extent;
    const slack = Math.min(ROW_SLACK, Math.max(0, 0.5 - margin - halfSpan));
    start[axis] = end[axis] = 0.5 + (noise(u, 5) - 0.5) * 2 * slack;
  }
  const t = (i: number) => i / Math.max(frames - 1, 1);
  const mix = (k: number): Point => [start[0] * (1 - k) + end[0] * k, start[1] * (1 - k) + end[1] * k];
  switch (thing.path) {
    case "still":
      return f.map(() => [start[0], start[1]]);
    case "line":
      return f.map((i) => mix(t(i)));
    case "back_forth":
      // at b in the middle frame(s): with an even frame count, both middle frames
      return f.map((i) => mix(Math.min(1, ((1 - Math.abs(2 * t(i) - 1)) * (frames - 1)) / Math.max(frames - 2, 1))));
  }
}

/** world2.layout: the objects (members in order, thing by thing) of programs `things` under noise u [things][8]. */
export function layoutProgram(
  things: readonly Thing[],
  u: readonly (readonly number[])[],
  width = 64,
  height = 64,
  frames = 16,
): LaidOutObject[] {
  const short = Math.min(width, height);
  const [ax, ay] = [width / short, height / short];
  const size = objectSizeFor(things.reduce((n, t) => n + t.count, 0));
  return things.flatMap((thing, i) => {
    const ut = u[i] ?? [];
    const path = centrePath(thing, ut, size, ax, ay, frames);
    return offsets(thing, ut, size, ax, ay).map(([ox, oy]) => ({
      color: thing.color,
      shape: thing.shape,
      size,
      centers: path.map(([x, y]): Point => [x + ox, y + oy]),
    }));
  });
}

/** Smallest centre distance between two objects in any frame, in units of their size (Infinity for one object). */
export function minGap(objects: readonly LaidOutObject[], width: number, height: number): number {
  const short = Math.min(width, height);
  const [ax, ay] = [width / short, height / short];
  let best = Number.POSITIVE_INFINITY;
  for (const [i, a] of objects.entries()) {
    for (const b of objects.slice(i + 1)) {
      a.centers.forEach(([x, y], f) => {
        const other = b.centers[f];
        if (!other) return;
        const [dx, dy] = [x * ax - other[0] * ax, y * ay - other[1] * ay];
        best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
      });
    }
  }
  return best / (objects[0]?.size ?? 1);
}

/** Index of the candidate noise [K][things][8] whose layout keeps objects furthest apart (ties: the first). */
export function chooseLayout(
  things: readonly Thing[],
  candidates: readonly (readonly (readonly number[])[])[],
  width: number,
  height: number,
  frames: number,
): number {
  let best = 0;
  let bestGap = Number.NEGATIVE_INFINITY;
  candidates.forEach((u, k) => {
    const gap = minGap(layoutProgram(things, u, width, height, frames), width, height);
    if (gap > bestGap) [best, bestGap] = [k, gap];
  });
  return best;
}

/** world2.draw_layout: the best of CANDIDATES layouts drawn from `rng` (things × 8 numbers each, candidate by candidate). */
export function drawLayout(
  things: readonly Thing[],
  rng: () => number,
  width: number,
  height: number,
  frames: number,
): LaidOutObject[] {
  const candidates = Array.from({ length: CANDIDATES }, () =>
    things.map(() => Array.from({ length: NOISE_PER_THING }, rng)),
  );
  const chosen = candidates[chooseLayout(things, candidates, width, height, frames)] ?? [];
  return layoutProgram(things, chosen, width, height, frames);
}

/** Where a relation puts (color, other). */
const RELATION_PLACES: Record<RelationClause["relation"], readonly [Place, Place]> = {
  above: ["top", "bottom"],
  below: ["bottom", "top"],
  "to the left of": ["left", "right"],
  "to the right of": ["right", "left"],
};

/**
 * The programs that draw a scene (v1 or v2) so that every clause holds: things in the spec's object
 * order, each from its first clause that places it (own clauses come before relations in a spec).
 */
export function programFromSpec(spec: SceneSpec): Thing[] {
  const hasCircle = spec.objects.some((o) => (o.count ?? 1) > 1 && o.formation === "circle");
  const placed = new Map<Color, Pick<Thing, "path" | "start" | "end">>();
  const set = (color: Color, path: PathKind, start: LayoutCode, end = start) => {
    if (!placed.has(color)) placed.set(color, { path, start, end });
  };
  const countOf = (color: Color) => spec.objects.find((o) => o.color === color)?.count ?? 1;
  const formationOf = (color: Color) => spec.objects.find((o) => o.color === color)?.formation ?? null;
  const stillAt = (color: Color, at: Place): LayoutCode => {
    if (countOf(color) > 1) return formationOf(color) === "circle" ? "mid" : at;
    return hasCircle && at === "center" ? "mid" : at;
  };
  for (const clause of spec.clauses) {
    switch (clause.kind) {
      case "motion":
        set(clause.color, "line", clause.from, clause.to);
        break;
      case "stationary":
        set(clause.color, "still", stillAt(clause.color, clause.at ?? "center"));
        break;
      case "orbit":
        set(clause.color, "orbit", clause.start);
        break;
      case "back_and_forth":
        set(clause.color, "back_forth", clause.a, clause.b);
        break;
      case "relation": {
        const [mine, theirs] = RELATION_PLACES[clause.relation];
        set(clause.color, "still", mine);
        set(clause.other, "still", theirs);
        break;
      }
      case "between":
        set(clause.color, "still", "between-mid");
        set(clause.a, "still", "between-left");
        set(clause.b, "still", "between-right");
        break;
    }
  }
  return spec.objects.map((o) => ({
    color: o.color,
    shape: o.shape,
    count: o.count ?? 1,
    formation: o.formation ?? null,
    ...(placed.get(o.color) ?? { path: "still", start: stillAt(o.color, "center"), end: stillAt(o.color, "center") }),
  }));
}

export interface LayoutOptions {
  seed: number;
  /** Canvas in pixels (64 × 64 by default): the layout keeps circles round and objects apart at this aspect. */
  width?: number;
  height?: number;
  frames?: number;
}

/**
 * Lays a scene (v1 or v2) out as ground truth with world v2's layout: its programs (`programFromSpec`)
 * drawn best of CANDIDATES from the seeded rng. Every clause holds; deterministic in the seed.
 */
export function layoutScene(
  spec: SceneSpec,
  { seed, width = 64, height = 64, frames = 16 }: LayoutOptions,
): LaidOutObject[] {
  return drawLayout(programFromSpec(spec), createRng(seed), width, height, frames);
}

/** Centres along a straight line at constant speed, first frame at `start`, last at `end`. */
export function linearPath(start: Point, end: Point, frames: number): Point[] {
  return Array.from({ length: frames }, (_, f) => {
    const t = frames > 1 ? f / (frames - 1) : 0;
    return [start[0] * (1 - t) + end[0] * t, start[1] * (1 - t) + end[1] * t] as const;
  });
}
