import {
  COLORS,
  FALL_VERBS,
  JOINERS,
  MOVE_VERBS,
  PLACE_SYNONYMS,
  RELATIONS,
  SHAPE_SYNONYMS,
  STAY_PHRASES,
} from "@sketchreel/shape-world";

const words = (phrases: readonly string[]) => phrases.flatMap((p) => p.split(/[\s,]+/)).filter(Boolean);

/** Words that carry motion or placement (a prompt without any of them says nothing about space). */
export const MOTION_WORDS = new Set<string>([
  ...MOVE_VERBS,
  ...Object.keys(FALL_VERBS),
  ...words(STAY_PHRASES),
  "above",
  "below",
  "of",
]);

/** Every word the shape-world model was trained on, plus the function words around them. */
export const KNOWN_WORDS = new Set<string>([
  ...COLORS,
  ...Object.keys(SHAPE_SYNONYMS),
  ...words(Object.keys(PLACE_SYNONYMS)),
  ...MOTION_WORDS,
  ...words(RELATIONS),
  ...words(JOINERS),
  ...["a", "an", "the", "from", "to", "at", "on", "in", "into", "of", "screen", "frame", "canvas", "side", "corner"],
  ...["then", "it", "its", "stops", "one", "another", "other", "while", "slowly", "quickly", "is"],
]);

/** Colors outside the palette, mapped to the nearest palette color. */
export const UNKNOWN_COLORS: Record<string, string> = {
  pink: "red",
  crimson: "red",
  maroon: "red",
  violet: "purple",
  indigo: "purple",
  magenta: "purple",
  gold: "yellow",
  golden: "yellow",
  lime: "green",
  teal: "green",
  cyan: "blue",
  turquoise: "blue",
  navy: "blue",
  black: "white",
  gray: "white",
  grey: "white",
  silver: "white",
  brown: "orange",
  beige: "orange",
};

/** Shapes the model does not know, mapped to the nearest known one where there is one. */
export const UNKNOWN_SHAPES: Record<string, string | null> = {
  rectangle: "square",
  diamond: "square",
  cylinder: "square",
  oval: "ball",
  ring: "ball",
  ellipse: "ball",
  pyramid: "triangle",
  cone: "triangle",
  star: null,
  heart: null,
  hexagon: null,
  pentagon: null,
  arrow: null,
  line: null,
  person: null,
  car: null,
  dog: null,
  cat: null,
  bird: null,
  logo: null,
  text: null,
  product: null,
};

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

/** "balls" → "ball" when the singular is a (known or unknown) shape word. */
export function singularShape(word: string): string | null {
  for (const candidate of [word, word.replace(/es$/, ""), word.replace(/s$/, "")]) {
    if (Object.hasOwn(SHAPE_SYNONYMS, candidate) || Object.hasOwn(UNKNOWN_SHAPES, candidate)) return candidate;
  }
  return null;
}

/** Own-property lookup: "constructor" is not a color. */
export function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
