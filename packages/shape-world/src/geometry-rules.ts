import type { SceneRead } from "./read-frames.js";
import type { Point } from "./render.js";
import type { BetweenClause, Formation, FormationClause, OrbitClause } from "./scene.js";
import { inPlace } from "./vocabulary.js";

/**
 * The world-v2 rules that measure distances and angles in pixels per shorter side, so a circle
 * (and an orbit) is round on 256×144 too (WORLD-V2.md; twin: training/shapeworld/rules.py).
 */

/** Formation: every member read in ≥ 90 % of frames, and the formation holds in each of those. */
export const FORMATION_FRACTION = 0.9;
/** Row / column: members' spread across the line. */
export const LINE_SPREAD = 0.08;
/** Row / column / circle: largest gap between neighbours over the smallest. */
export const GAP_RATIO = 1.6;
/** Circle: every member's distance to the members' mean within this fraction of their average. */
export const CIRCLE_TOLERANCE = 0.25;
/** Between: projection onto the segment a → b, distance from its line, and the frames that must hold. */
export const BETWEEN_SPAN: Point = [0.2, 0.8];
export const BETWEEN_OFF_LINE = 0.12;
export const BETWEEN_FRACTION = 0.8;
/** Orbit: distance from the canvas centre in every read frame; total turn; a step against the turn up to this many radians is read jitter. */
export const ORBIT_RADIUS: Point = [0.15, 0.45];
export const ORBIT_TURN = 300 * (Math.PI / 180);
export const ORBIT_BACKSTEP = 0.05;

/** A rule's outcome and the reason a person can act on. */
export type Verdict = [pass: boolean, reason: string];

export const formatPoint = ([x, y]: Point) => `(${x.toFixed(2)}, ${y.toFixed(2)})`;
export const meanPoint = (points: readonly Point[]): Point => [
  points.reduce((s, p) => s + p[0], 0) / points.length,
  points.reduce((s, p) => s + p[1], 0) / points.length,
];

const gapRatio = (gaps: number[]) => {
  const [lo, hi] = [Math.min(...gaps), Math.max(...gaps)];
  if (lo > 0) return hi / lo;
  return hi === 0 ? 1 : Number.POSITIVE_INFINITY;
};

/** What keeps the points from the formation, or undefined. */
function formationProblem(points: readonly Point[], formation: Formation): string | undefined {
  let ratio: number;
  if (formation === "row" || formation === "column") {
    const [along, across] = formation === "row" ? [0, 1] : [1, 0];
    const spread =
      Math.max(...points.map((p) => p[across] as number)) - Math.min(...points.map((p) => p[across] as number));
    if (spread > LINE_SPREAD) return `spread ${spread.toFixed(2)} across the ${formation}, allowed ${LINE_SPREAD}`;
    const line = points.map((p) => p[along] as number).sort((a, b) => a - b);
    ratio = gapRatio(line.slice(1).map((v, i) => v - (line[i] as number)));
  } else {
    const middle = meanPoint(points);
    const distances = points.map((p) => Math.hypot(p[0] - middle[0], p[1] - middle[1]));
    const average = distances.reduce((s, d) => s + d, 0) / distances.length;
    const worst =
      average > 0 ? Math.max(...distances.map((d) => Math.abs(d - average))) / average : Number.POSITIVE_INFINITY;
    if (worst > CIRCLE_TOLERANCE)
      return `distances to the middle off their average by ${Math.round(worst * 100)} %, allowed ${CIRCLE_TOLERANCE * 100} %`;
    const angles = points.map((p) => Math.atan2(p[1] - middle[1], p[0] - middle[0])).sort((a, b) => a - b);
    const gaps = angles.slice(1).map((v, i) => v - (angles[i] as number));
    ratio = gapRatio([...gaps, (angles[0] as number) + 2 * Math.PI - (angles.at(-1) as number)]);
  }
  return ratio > GAP_RATIO ? `largest gap ${ratio.toFixed(1)}× the smallest, allowed ${GAP_RATIO}×` : undefined;
}

/** In every frame where all members are read (≥ 90 % of frames): row/column straight and evenly spaced, circle round and evenly spaced. */
export function checkFormation(scene: SceneRead, { color, formation }: FormationClause): Verdict {
  const count = scene.count(color);
  if (count < 2) return [false, `${color} is a single object; a ${formation} needs a group`];
  const n = scene.frames;
  const frames = Array.from({ length: n }, (_, f) => f).filter((f) => scene.members(f, color).length === count);
  if (n === 0 || frames.length < FORMATION_FRACTION * n)
    return [false, `all ${count} ${color} members read in ${frames.length}/${n} frames, needs ≥ 90 %`];
  const bad = frames
    .map(
      (f) =>
        [
          f,
          formationProblem(
            scene.members(f, color).map((o) => scene.units(f, [o.x, o.y])),
            formation,
          ),
        ] as const,
    )
    .filter(([, problem]) => problem !== undefined);
  const [f, problem] = bad[0] ?? [];
  if (problem !== undefined)
    return [false, `${color} not in a ${formation} in ${bad.length}/${frames.length} frames (frame ${f}: ${problem})`];
  return [true, `${color} in a ${formation} in all ${frames.length} frames with every member read`];
}

/** In ≥ 80 % of frames `color` projects to 20–80 % of the segment a → b and lies within 0.12 of its line. */
export function checkBetween(scene: SceneRead, { color, a, b }: BetweenClause): Verdict {
  const [middles, starts, ends] = [scene.track(color), scene.track(a), scene.track(b)];
  let holds = 0;
  let worst: string | undefined;
  for (let f = 0; f < scene.frames; f++) {
    const [p, pa, pb] = [middles[f], starts[f], ends[f]];
    if (!p || !pa || !pb) continue;
    const [[x, y], [ax, ay], [bx, by]] = [scene.units(f, p), scene.units(f, pa), scene.units(f, pb)];
    const [vx, vy] = [bx - ax, by - ay];
    const length2 = vx * vx + vy * vy;
    if (length2 <= 0) continue;
    const t = ((x - ax) * vx + (y - ay) * vy) / length2;
    const off = Math.abs((x - ax) * vy - (y - ay) * vx) / Math.sqrt(length2);
    if (BETWEEN_SPAN[0] <= t && t <= BETWEEN_SPAN[1] && off <= BETWEEN_OFF_LINE) holds++;
    else worst ??= `frame ${f}: ${Math.round(t * 100)} % along, ${off.toFixed(2)} off the line`;
  }
  const reason = `${color} between ${a} and ${b} in ${holds}/${scene.frames} frames`;
  if (scene.frames > 0 && holds >= BETWEEN_FRACTION * scene.frames) return [true, reason];
  return [false, `${reason}, needs ≥ 80 % (20–80 % along, within ${BETWEEN_OFF_LINE}; ${worst ?? "not read"})`];
}

/** Radius 0.15–0.45 about the canvas centre in every read frame, angle monotone, total turn ≥ 300°, first read position in `start`. */
export function checkOrbit(scene: SceneRead, { color, start }: OrbitClause): Verdict {
  const read = scene
    .track(color)
    .map((p, f) => [f, p] as const)
    .filter((e): e is readonly [number, Point] => e[1] !== undefined);
  const first = read[0];
  if (!first || read.length < 2)
    return [false, `${color} read in ${read.length}/${scene.frames} frames, too few to orbit`];
  const problems: string[] = [];
  if (!inPlace(start, ...first[1])) problems.push(`starts at ${formatPoint(first[1])}, not in ${start}`);
  const polar = read.map(([f, p]) => {
    const [u, v] = scene.units(f, p);
    const [cu, cv] = scene.units(f, [0.5, 0.5]);
    return { f, r: Math.hypot(u - cu, v - cv), angle: Math.atan2(v - cv, u - cu) };
  });
  const off = polar.find(({ r }) => r < ORBIT_RADIUS[0] || r > ORBIT_RADIUS[1]);
  if (off) problems.push(`radius ${off.r.toFixed(2)} at frame ${off.f}, needs ${ORBIT_RADIUS[0]}–${ORBIT_RADIUS[1]}`);
  const steps = polar.slice(1).map(({ angle }, i) => {
    let d = angle - (polar[i]?.angle as number);
    while (d > Math.PI) d -= 2 * Math.PI;
    while (d <= -Math.PI) d += 2 * Math.PI;
    return d;
  });
  const turn = steps.reduce((s, d) => s + d, 0);
  const direction = turn < 0 || Object.is(turn, -0) ? -1 : 1;
  const back = steps.findIndex((d) => d * direction < -ORBIT_BACKSTEP);
  if (back >= 0) problems.push(`turns back at frame ${polar[back + 1]?.f}`);
  const degrees = (Math.abs(turn) * 180) / Math.PI;
  if (Math.abs(turn) < ORBIT_TURN) problems.push(`turns ${degrees.toFixed(0)}°, needs ≥ 300°`);
  return problems.length
    ? [false, `${color}: ${problems.join("; ")}`]
    : [true, `${color} orbits ${degrees.toFixed(0)}° from ${start}`];
}
