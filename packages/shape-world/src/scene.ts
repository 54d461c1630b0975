import type { Color, Place, Relation, Shape } from "./vocabulary.js";

/**
 * What a shape-world prompt asks for: its objects (one per color) and the clauses the evaluator
 * checks. The clause kinds and field names match the training suite format
 * (training/shapeworld/rules.py), so a suite file is a list of `SuiteEntry`.
 */
export interface SceneObject {
  color: Color;
  shape: Shape;
}

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

export type Clause = PresenceClause | ShapeClause | MotionClause | StationaryClause | RelationClause;
export type ClauseKind = Clause["kind"];
export const CLAUSE_KINDS: readonly ClauseKind[] = ["presence", "shape", "motion", "stationary", "relation"];

export interface SceneSpec {
  objects: SceneObject[];
  clauses: Clause[];
}
