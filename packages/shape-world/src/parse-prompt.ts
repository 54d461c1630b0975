import { PromptParseError } from "./errors.js";
import { readClause } from "./parse-clause.js";
import { type Clause, objectTotal, type SceneObject, type SceneSpec } from "./scene.js";
import { MAX_OBJECTS } from "./vocabulary.js";

/**
 * Parses a shape-world prompt (DESIGN.md grammar, world v2 as WORLD-V2.md pins it down) into the
 * clauses the evaluator checks: "A yellow ball rolls from the left edge to the center of the screen,
 * while a blue cube remains stationary on the right." → presence, shape ×2, motion(yellow: left edge
 * → center), stationary(blue at right); "Three red balls in a row slide from the top to the bottom."
 * → one group of three in a row, its formation and its motion. Throws `PromptParseError` naming the
 * part it could not read.
 */
export function parsePrompt(prompt: string): SceneSpec {
  const text = normalize(prompt);
  if (!text) throw new PromptParseError("prompt is empty", prompt);
  const objects: SceneObject[] = [];
  const clauses: Clause[] = [];
  for (const part of splitClauses(text)) {
    const parsed = readClause(part);
    for (const object of parsed.objects) addObject(objects, object, part);
    clauses.push(...parsed.clauses);
  }
  const total = objectTotal(objects);
  if (total > MAX_OBJECTS)
    throw new PromptParseError(`a scene has at most six objects; this prompt names ${total}`, text);
  return { objects, clauses: orderClauses(objects, clauses) };
}

/**
 * presence; per object in mention order its shape, its formation (a group with one), then its own
 * clauses; relations and betweens last, in mention order (WORLD-V2.md, "Clause order").
 */
function orderClauses(objects: SceneObject[], clauses: Clause[]): Clause[] {
  const isPair = (c: Clause) => c.kind === "relation" || c.kind === "between";
  const own = (color: string) => clauses.filter((c) => !isPair(c) && "color" in c && c.color === color);
  return [
    { kind: "presence" },
    ...objects.flatMap((o): Clause[] => [
      { kind: "shape", color: o.color, shape: o.shape },
      ...(o.formation ? [{ kind: "formation", color: o.color, formation: o.formation } as const] : []),
      ...own(o.color),
    ]),
    ...clauses.filter(isPair),
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
/** Stands for the "and" of "back and forth" and "between A and B" while clauses are split. */
const KEPT_AND = "\u0000";

/**
 * "while A, B" keeps A first; otherwise split on the joiners while / and / ", and" / as — but not on
 * the "and" of "back and forth" or of "between A and B".
 */
function splitClauses(text: string): string[] {
  const kept = text
    .replace(/\bback and forth\b/g, `back ${KEPT_AND} forth`)
    .replace(/\bbetween (.+?) and /g, `between $1 ${KEPT_AND} `);
  // The first clause ends at the first comma that does not start an orbit's ", starting at".
  const leadingWhile = /^while\s+((?:[^,]|,\s*starting\b)+),\s*(.+)$/.exec(kept);
  const parts = leadingWhile ? [leadingWhile[1] ?? "", leadingWhile[2] ?? ""] : [kept];
  return parts.flatMap((p) => p.split(JOINER)).map((p) => p.replaceAll(KEPT_AND, "and").trim());
}

/** Each colour names one thing: a later mention must agree with the first on shape, count and formation. */
function addObject(objects: SceneObject[], object: SceneObject, part: string): void {
  const known = objects.find((o) => o.color === object.color);
  if (!known) {
    objects.push(object);
    return;
  }
  const formationsDiffer = object.formation && known.formation && object.formation !== known.formation;
  if (known.shape !== object.shape || (known.count ?? 1) !== (object.count ?? 1) || formationsDiffer) {
    throw new PromptParseError(
      `the ${object.color} object is both ${describe(known)} and ${describe(object)}; each color names one thing`,
      part,
    );
  }
  if (object.formation && !known.formation) known.formation = object.formation;
}

/** "a ball", "three balls", "three balls in a row". */
function describe(o: SceneObject): string {
  if ((o.count ?? 1) === 1) return `a ${o.shape}`;
  const number = ["", "one", "two", "three", "four", "five"][o.count ?? 1] ?? String(o.count);
  return `${number} ${o.shape}s${o.formation ? ` in a ${o.formation}` : ""}`;
}
