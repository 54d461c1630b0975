import {
  BACK_AND_FORTH,
  BETWEEN,
  FALL_VERBS,
  GROUP_FALL_VERBS,
  GROUP_MOVE_VERBS,
  GROUP_STAY_PHRASES,
  MOVE_VERBS,
  ORBIT_VERBS,
  SHAPE_SYNONYMS,
  STAND_PHRASES,
  STAY_PHRASES,
} from "@sketchreel/shape-world";

const words = (phrases: readonly string[]) => phrases.flatMap((p) => p.split(/[\s,]+/)).filter(Boolean);

/** Words that carry motion or placement (a shape-world prompt without any of them says nothing about space). */
export const MOTION_WORDS = new Set<string>([
  ...MOVE_VERBS,
  ...Object.keys(FALL_VERBS),
  ...words(STAY_PHRASES),
  "above",
  "below",
  "of",
  // World v2: group verbs, "stands", orbits, back and forth, between.
  ...GROUP_MOVE_VERBS,
  ...Object.keys(GROUP_FALL_VERBS),
  ...words(GROUP_STAY_PHRASES),
  ...words(STAND_PHRASES),
  ...words(ORBIT_VERBS),
  ...words([BACK_AND_FORTH]),
  BETWEEN,
]);

// What a model can draw is its own vocabulary's business (model_index.json, the vocabulary gate).
// The lists below only let lint count the subjects of an open-vocabulary prompt.

/** Everyday colour words outside the shape world's palette ("a pink sofa" is a subject). */
export const COLOR_WORDS = new Set([
  ...["pink", "crimson", "maroon", "violet", "indigo", "magenta", "gold", "golden", "lime", "teal", "cyan"],
  ...["turquoise", "navy", "black", "gray", "grey", "silver", "brown", "beige"],
]);

/** Everyday nouns of things a prompt may ask for, besides the shape world's shapes. */
export const OBJECT_NOUNS = new Set([
  ...["rectangle", "diamond", "cylinder", "oval", "ring", "ellipse", "pyramid", "cone", "star", "heart"],
  ...["hexagon", "pentagon", "arrow", "line", "person", "car", "dog", "cat", "bird", "logo", "text", "product"],
]);

export const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** "balls" → "ball" when the singular is a shape or object noun. */
export function singularShape(word: string): string | null {
  for (const candidate of [word, word.replace(/es$/, ""), word.replace(/s$/, "")]) {
    if (Object.hasOwn(SHAPE_SYNONYMS, candidate) || OBJECT_NOUNS.has(candidate)) return candidate;
  }
  return null;
}

/** Own-property lookup: "constructor" is not a color. */
export function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
