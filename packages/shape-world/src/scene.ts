import type { Color, Place, Relation, Shape } from "./vocabulary.js";

/**
 * What a shape-world prompt asks for: its objects (one per color) and the clauses the evaluator
 * checks. The clause kinds and field names match the training suite format
 * (training/shapeworld/rules.py), so a suite file is a list of `SuiteEntry`.
 */
export interface SceneObject {
  color: Color;
  shape: Shape;
  /** World v2: 1 (default) for a single object, 2–5 for a group of members sharing colour and shape. */
  count?: number;
  /** World v2: how a group stands; absent or null for a single or a group without a formation. */
  formation?: Formation | null;
}

export const FORMATIONS = ["row", "column", "circle"] as const;
export type Formation = (typeof FORMATIONS)[number];

/** Each named object visible in ≥ 90 % of frames, no unnamed object in any frame. */
export interface PresenceClause {
  kind: "presence";
}
/** The object's blob reads back as this shape (majority over the frames it is visible in). */
export interface ShapeClause {
  kind: "shape";
  color: Color;
  shape: Shape;
}
/** In region `from` at the first frame, in `to` at the last, progress monotone in time. */
export interface MotionClause {
  kind: "motion";
  color: Color;
  from: Place;
  to: Place;
}
/** Centroid drift ≤ 0.08; when `at` is set, the mean centroid lies in that region. */
export interface StationaryClause {
  kind: "stationary";
  color: Color;
  at: Place | null;
}
/** `color` is `relation` `other` with a margin ≥ 0.1 on the axis in ≥ 80 % of frames. */
export interface RelationClause {
  kind: "relation";
  color: Color;
  relation: Relation;
  other: Color;
}

/** World v2: the group keeps its formation (WORLD-V2.md) in every frame where all members are read. */
export interface FormationClause {
  kind: "formation";
  color: Color;
  formation: Formation;
}
/** World v2: `color` lies between `a` and `b` (20–80 % along the segment, within 0.12 of the line) in ≥ 80 % of frames. */
export interface BetweenClause {
  kind: "between";
  color: Color;
  a: Color;
  b: Color;
}
/** World v2: one full turn about the canvas centre (radius 0.15–0.45, monotone angle, ≥ 300°), starting in `start`. */
export interface OrbitClause {
  kind: "orbit";
  color: Color;
  start: Place;
}
/** World v2: in `a` at the first and last frame, in `b` at some frame in the middle 35–65 % of the clip. */
export interface BackAndForthClause {
  kind: "back_and_forth";
  color: Color;
  a: Place;
  b: Place;
}

export type Clause =
  | PresenceClause
  | ShapeClause
  | MotionClause
  | StationaryClause
  | RelationClause
  | FormationClause
  | BetweenClause
  | OrbitClause
  | BackAndForthClause;
export type ClauseKind = Clause["kind"];
export const CLAUSE_KINDS: readonly ClauseKind[] = [
  "presence",
  "shape",
  "motion",
  "stationary",
  "relation",
  "formation",
  "between",
  "orbit",
  "back_and_forth",
];

/** Objects drawn in a scene: the sum of the things' counts (1–6 in world v2). */
export function objectTotal(objects: readonly SceneObject[]): number {
  return objects.reduce((n, o) => n + (o.count ?? 1), 0);
}

/** An object's size as a fraction of the canvas's shorter side: 1/5 with one or two objects, 1/7 with three to six. */
export function objectSizeFor(total: number): number {
  return total <= 2 ? 0.2 : 1 / 7;
}

export interface SceneSpec {
  objects: SceneObject[];
  clauses: Clause[];
}
