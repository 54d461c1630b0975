/**
 * The shape world's vocabulary, exactly as ../shared/DESIGN.md specifies it. The embedded model is
 * trained on it, the prompt lint checks against it and the evaluator reads scenes back with it.
 * World v2's words (../WORLD-V2.md) are kept apart from v1's, so each version's list stays whole.
 */
import type { Formation } from "./scene.js";

export type Rgb = readonly [number, number, number];

export const BACKGROUND: Rgb = [24, 24, 32];

export const PALETTE = {
  red: [220, 40, 40],
  green: [40, 180, 70],
  blue: [40, 90, 230],
  yellow: [240, 200, 30],
  purple: [150, 60, 210],
  orange: [245, 130, 30],
  white: [235, 235, 235],
} as const satisfies Record<string, Rgb>;
export type Color = keyof typeof PALETTE;
export const COLORS = Object.keys(PALETTE) as Color[];

export const SHAPES = ["ball", "square", "triangle"] as const;
export type Shape = (typeof SHAPES)[number];
/** Word → canonical shape. */
export const SHAPE_SYNONYMS: Record<string, Shape> = {
  ball: "ball",
  circle: "ball",
  sphere: "ball",
  dot: "ball",
  square: "square",
  box: "square",
  cube: "square",
  block: "square",
  triangle: "triangle",
};

export const PLACES = [
  "left",
  "right",
  "center",
  "top",
  "bottom",
  "top-left",
  "top-right",
  "bottom-left",
  "bottom-right",
  "left edge",
  "right edge",
  "top edge",
  "bottom edge",
] as const;
export type Place = (typeof PLACES)[number];
/** Phrase → canonical place ("middle" means center). */
export const PLACE_SYNONYMS: Record<string, Place> = {
  ...Object.fromEntries(PLACES.map((p) => [p, p])),
  middle: "center",
  "top left": "top-left",
  "top right": "top-right",
  "bottom left": "bottom-left",
  "bottom right": "bottom-right",
};

/** Verbs of motion from A to B. */
export const MOVE_VERBS = ["moves", "rolls", "slides", "glides", "travels", "drifts"] as const;
/** Verbs with an implied path. */
export const FALL_VERBS = { falls: { from: "top", to: "bottom" }, rises: { from: "bottom", to: "top" } } as const;
/** Phrases of staying put at a place. */
export const STAY_PHRASES = ["stays", "remains", "sits still", "is stationary", "remains stationary"] as const;

export const RELATIONS = ["above", "below", "to the left of", "to the right of"] as const;
export type Relation = (typeof RELATIONS)[number];

export const JOINERS = ["while", "and", ", and", "as"] as const;

// ---- World v2 (WORLD-V2.md, "Grammar"): counts, plurals, formations and the new paths. ----

/** Most objects one scene draws: the sum of its things' counts. */
export const MAX_OBJECTS = 6;
/** Number words before a plural shape word; a group has two to five members. */
export const COUNT_WORDS = { two: 2, three: 3, four: 4, five: 5 } as const;
/** Plural shape word → canonical shape ("dots" → ball). */
export const PLURAL_SHAPE_SYNONYMS: Record<string, Shape> = {
  balls: "ball",
  circles: "ball",
  spheres: "ball",
  dots: "ball",
  squares: "square",
  boxes: "square",
  cubes: "square",
  blocks: "square",
  triangles: "triangle",
};
/** Formation word → formation: "in a row", "a column of …", "in a circle". */
export const FORMATION_WORDS: Record<string, Formation> = { row: "row", column: "column", circle: "circle" };
/** The places a formation may stand at or move between: rows on y-places, columns on x-places, circles centred. */
export const FORMATION_PLACES: Record<Formation, readonly Place[]> = {
  row: ["top", "bottom", "center", "top edge", "bottom edge"],
  column: ["left", "right", "center", "left edge", "right edge"],
  circle: ["center"],
};

/** A single object's stationary verbs in v2: v1's plus "stands". */
export const STAND_PHRASES = ["stands", "stands still"] as const;
/** A group's verbs of motion from A to B ("three red balls slide from …"). */
export const GROUP_MOVE_VERBS = ["move", "roll", "slide", "glide", "travel", "drift"] as const;
/** A group's verbs with an implied path. */
export const GROUP_FALL_VERBS = { fall: FALL_VERBS.falls, rise: FALL_VERBS.rises } as const;
/** A group's phrases of staying put ("four green squares stand along the bottom"). */
export const GROUP_STAY_PHRASES = [
  "stay",
  "stay still",
  "remain",
  "remain still",
  "remain stationary",
  "sit",
  "sit still",
  "stand",
  "stand still",
  "are",
  "are stationary",
] as const;
/** Prepositions before a place ("along the bottom"); v1 had all but "along". */
export const PLACE_PREPOSITIONS = ["in", "at", "on", "near", "along"] as const;

/** One full turn about the centre: "circles around the center", "orbits the center", "circles the center". */
export const ORBIT_VERBS = ["circles around", "circles", "orbits"] as const;
/** Where an orbit starts when the prompt says "starting at" or "starting from"; else the top. */
export const ORBIT_DEFAULT_START: Place = "top";
/** A → B → A over the clip: "<motion verb> back and forth between A and B". */
export const BACK_AND_FORTH = "back and forth";
/** "<object> between <object> and <object>". */
export const BETWEEN = "between";
/** "<object> stands in the middle of a circle of five yellow dots" (middle and center are one place). */
export const MIDDLE_OF_PHRASES = [
  "in the middle of",
  "at the center of",
  "in the center of",
  "at the middle of",
] as const;

/** Words that are vague about space; lint suggests a standard spatial word instead. */
export const VAGUE_SPATIAL_WORDS: Record<string, string> = {
  near: "to the left of / to the right of / above / below",
  around: "a named place such as center or top-left",
  "next to": "to the left of / to the right of",
  beside: "to the left of / to the right of",
  close: "a named place",
  somewhere: "a named place",
  nearby: "a named place",
  behind: "above / below (the shape world is flat)",
  "in front of": "above / below (the shape world is flat)",
};

/** Standard phrases that contain a vague word: lint does not flag "around" in "circles around the center". */
export const STANDARD_PHRASES_WITH_VAGUE_WORDS = [
  "circles around the center",
  "circles around the centre",
  "circles around the middle",
] as const;

/**
 * Region rules on normalized centroids (x right, y down, both in [0, 1]) used by the evaluator.
 * Edges are within 0.25 of the border.
 */
export function inPlace(place: Place, x: number, y: number): boolean {
  const mid = (v: number) => v >= 0.35 && v <= 0.65;
  switch (place) {
    case "left":
      return x < 0.4;
    case "right":
      return x > 0.6;
    case "top":
      return y < 0.4;
    case "bottom":
      return y > 0.6;
    case "center":
      return mid(x) && mid(y);
    case "top-left":
      return x < 0.4 && y < 0.4;
    case "top-right":
      return x > 0.6 && y < 0.4;
    case "bottom-left":
      return x < 0.4 && y > 0.6;
    case "bottom-right":
      return x > 0.6 && y > 0.6;
    case "left edge":
      return x < 0.25;
    case "right edge":
      return x > 0.75;
    case "top edge":
      return y < 0.25;
    case "bottom edge":
      return y > 0.75;
  }
}
