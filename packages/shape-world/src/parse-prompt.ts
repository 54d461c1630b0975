import { PromptParseError } from "./errors.js";
import type { Clause, SceneObject, SceneSpec } from "./scene.js";
import {
  COLORS,
  type Color,
  FALL_VERBS,
  MOVE_VERBS,
  PLACE_SYNONYMS,
  type Place,
  RELATIONS,
  type Relation,
  SHAPE_SYNONYMS,
  type Shape,
  STAY_PHRASES,
} from "./vocabulary.js";

/**
 * Parses a shape-world prompt (DESIGN.md grammar) into the clauses the evaluator checks:
 * "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains
 * stationary on the right." → presence, shape ×2, motion(yellow: left edge → center),
 * stationary(blue at right). Throws `PromptParseError` naming the part it could not read.
 */
export function parsePrompt(prompt: string): SceneSpec {
  const text = normalize(prompt);
  if (!text) throw new PromptParseError("prompt is empty", prompt);
  const objects: SceneObject[] = [];
  const clauses: Clause[] = [];
  for (const part of splitClauses(text)) {
    const parsed = parseClause(part);
    for (const object of parsed.objects) addObject(objects, object, part);
    clauses.push(parsed.clause);
  }
  return { objects, clauses: orderClauses(objects, clauses) };
}

/** presence; per object its shape then its own clauses; relations last (the training suite's order). */
function orderClauses(objects: SceneObject[], clauses: Clause[]): Clause[] {
  const own = (color: string) => clauses.filter((c) => c.kind !== "relation" && "color" in c && c.color === color);
  return [
    { kind: "presence" },
    ...objects.flatMap((o): Clause[] => [{ kind: "shape", color: o.color, shape: o.shape }, ...own(o.color)]),
    ...clauses.filter((c) => c.kind === "relation"),
  ];
}

function normalize(prompt: string): string {
  return prompt
    .toLowerCase()
    .replace(/\bcentre\b/g, "center")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "")
    .trim();
}

const JOINER = /\s*(?:,\s*(?:while|and|as)|\s(?:while|and|as))\s+/;

/** "while A, B" keeps A first; otherwise split on the joiners while / and / ", and" / as. */
function splitClauses(text: string): string[] {
  const leadingWhile = /^while\s+([^,]+),\s*(.+)$/.exec(text);
  const parts = leadingWhile ? [leadingWhile[1] ?? "", leadingWhile[2] ?? ""] : [text];
  return parts.flatMap((p) => p.split(JOINER)).map((p) => p.trim());
}

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, "\\s+"))
    .join("|");

/** Two groups: color, shape word. */
const NP = `(?:(?:an?|the)\\s+)?(${alternation(COLORS)})\\s+(${alternation(Object.keys(SHAPE_SYNONYMS))})`;
/** One group: the place core ("top left", "left edge", "middle", …). */
const PLACE =
  "(?:the\\s+)?((?:top|bottom)[-\\s](?:left|right)|(?:left|right|top|bottom)\\s+edge|left|right|top|bottom|center|middle)" +
  "(?:\\s+(?:side|corner))?(?:\\s+of\\s+the\\s+(?:screen|frame|canvas|scene|picture|image))?";
const STAY = alternation([...STAY_PHRASES, "stays still", "remains still"]);

const MOTION_RE = new RegExp(`^${NP}\\s+(?:${alternation(MOVE_VERBS)})\\s+from\\s+${PLACE}\\s+to\\s+${PLACE}$`);
const FALL_RE = new RegExp(
  `^${NP}\\s+(${alternation(Object.keys(FALL_VERBS))})(?:\\s+(?:down|up))?(?:\\s+from\\s+${PLACE}\\s+to\\s+${PLACE})?$`,
);
const STAY_RE = new RegExp(`^${NP}\\s+(?:${STAY})(?:\\s+(?:in|at|on|near)\\s+${PLACE})?$`);
const RELATION_RE = new RegExp(
  `^${NP}\\s+(?:(?:is|sits|stays|remains)(?:\\s+(?:still|stationary))?\\s+)?(${alternation(RELATIONS)})\\s+${NP}$`,
);

interface ParsedClause {
  objects: SceneObject[];
  clause: Clause;
}

function parseClause(part: string): ParsedClause {
  let m = MOTION_RE.exec(part);
  if (m) {
    const object = toObject(m[1], m[2]);
    return {
      objects: [object],
      clause: { kind: "motion", color: object.color, from: toPlace(m[3]), to: toPlace(m[4]) },
    };
  }
  m = FALL_RE.exec(part);
  if (m) {
    const object = toObject(m[1], m[2]);
    const path = FALL_VERBS[m[3] as keyof typeof FALL_VERBS];
    const from = m[4] ? toPlace(m[4]) : path.from;
    const to = m[5] ? toPlace(m[5]) : path.to;
    return { objects: [object], clause: { kind: "motion", color: object.color, from, to } };
  }
  m = STAY_RE.exec(part);
  if (m) {
    const object = toObject(m[1], m[2]);
    return { objects: [object], clause: { kind: "stationary", color: object.color, at: m[3] ? toPlace(m[3]) : null } };
  }
  m = RELATION_RE.exec(part);
  if (m) {
    const a = toObject(m[1], m[2]);
    const b = toObject(m[4], m[5]);
    const relation = (m[3] ?? "").replace(/\s+/g, " ") as Relation;
    return { objects: [a, b], clause: { kind: "relation", color: a.color, relation, other: b.color } };
  }
  throw new PromptParseError(
    `cannot read "${part}": expected "<a color> <shape> <moves|rolls|…> from <place> to <place>", ` +
      `"… falls|rises", "… stays|remains|sits still|is stationary at <place>" or "… is above|below|to the left of|to the right of <object>"`,
    part,
  );
}

function toObject(color: string | undefined, word: string | undefined): SceneObject {
  const shape: Shape | undefined = SHAPE_SYNONYMS[word ?? ""];
  if (!shape || !COLORS.includes(color as Color))
    throw new PromptParseError(`unknown object "${color} ${word}"`, `${color} ${word}`);
  return { color: color as Color, shape };
}

function toPlace(raw: string | undefined): Place {
  const words = (raw ?? "").replace(/\s+/g, " ");
  const place = PLACE_SYNONYMS[words.replace(/^(top|bottom) (left|right)$/, "$1-$2")];
  if (!place) throw new PromptParseError(`unknown place "${words}"`, words);
  return place;
}

function addObject(objects: SceneObject[], object: SceneObject, part: string): void {
  const known = objects.find((o) => o.color === object.color);
  if (known) {
    if (known.shape !== object.shape) {
      throw new PromptParseError(
        `the ${object.color} object is both a ${known.shape} and a ${object.shape}; each color names one object`,
        part,
      );
    }
    return;
  }
  if (objects.length === 2) throw new PromptParseError("a scene has at most two objects", part);
  objects.push(object);
}
