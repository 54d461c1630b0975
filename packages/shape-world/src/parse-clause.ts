import { PromptParseError } from "./errors.js";
import type { Clause, Formation, SceneObject } from "./scene.js";
import {
  COLORS,
  COUNT_WORDS,
  type Color,
  FALL_VERBS,
  FORMATION_PLACES,
  FORMATION_WORDS,
  GROUP_FALL_VERBS,
  GROUP_MOVE_VERBS,
  GROUP_STAY_PHRASES,
  MIDDLE_OF_PHRASES,
  MOVE_VERBS,
  ORBIT_DEFAULT_START,
  ORBIT_VERBS,
  PLACE_PREPOSITIONS,
  PLACE_SYNONYMS,
  PLURAL_SHAPE_SYNONYMS,
  type Place,
  RELATIONS,
  type Relation,
  SHAPE_SYNONYMS,
  STAND_PHRASES,
  STAY_PHRASES,
} from "./vocabulary.js";

/** What one clause of a prompt names: its objects in mention order, and what it says about them. */
export interface ParsedClause {
  objects: SceneObject[];
  clauses: Clause[];
}

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, "\\s+"))
    .join("|");
const anchored = (source: string) => new RegExp(`^${source}$`);

const COLOR = alternation(COLORS);
const COUNT = alternation(Object.keys(COUNT_WORDS));
const FORMATION = alternation(Object.keys(FORMATION_WORDS));
const END = "(?=[\\s,]|$)";
/** A single object: colour, shape word. */
const SINGLE_NP = new RegExp(`^(?:(?:an?|the)\\s+)?(${COLOR})\\s+(${alternation(Object.keys(SHAPE_SYNONYMS))})${END}`);
/** "three red balls [in a row]": count, colour, plural shape word, formation word. */
const GROUP_NP = new RegExp(
  `^(?:the\\s+)?(${COUNT})\\s+(${COLOR})\\s+(${alternation(Object.keys(PLURAL_SHAPE_SYNONYMS))})` +
    `(?:\\s+in\\s+an?\\s+(${FORMATION}))?${END}`,
);
/** "a row of four green squares": formation word, count, colour, plural shape word. */
const FORMATION_NP = new RegExp(
  `^(?:an?|the)\\s+(${FORMATION})\\s+of\\s+(${COUNT})\\s+(${COLOR})\\s+(${alternation(Object.keys(PLURAL_SHAPE_SYNONYMS))})${END}`,
);

/** One group: the place core ("top left", "left edge", "middle", …). */
const PLACE =
  "(?:the\\s+)?((?:top|bottom)[-\\s](?:left|right)|(?:left|right|top|bottom)\\s+edge|left|right|top|bottom|center|middle)" +
  "(?:\\s+(?:side|corner))?(?:\\s+of\\s+the\\s+(?:screen|frame|canvas|scene|picture|image))?";
const AT_PLACE = `(?:${alternation(PLACE_PREPOSITIONS)})\\s+${PLACE}`;
const FROM_TO = `from\\s+${PLACE}\\s+to\\s+${PLACE}`;
const SINGLE_STAY = [...STAY_PHRASES, "stays still", "remains still", ...STAND_PHRASES];
/** Stay verbs that say nothing without a place or formation after them. */
const BARE_BE = ["is", "are", "sits", "sit"];

/** The predicates a single object or a group can take, with the verb forms each may use. */
function predicates(moveVerbs: readonly string[], fallVerbs: readonly string[], stayVerbs: readonly string[]) {
  return {
    motion: anchored(`(?:${alternation(moveVerbs)})\\s+${FROM_TO}`),
    fall: anchored(`(${alternation(fallVerbs)})(?:\\s+(?:down|up))?(?:\\s+${FROM_TO})?`),
    backAndForth: anchored(
      `(?:${alternation(moveVerbs)})\\s+back\\s+and\\s+forth\\s+between\\s+${PLACE}\\s+and\\s+${PLACE}`,
    ),
    stay: anchored(`(${alternation(stayVerbs)})(?:\\s+in\\s+an?\\s+(${FORMATION}))?(?:\\s+${AT_PLACE})?`),
  };
}
const FALLS: Record<string, { from: Place; to: Place }> = { ...FALL_VERBS, ...GROUP_FALL_VERBS };
const SINGLE = predicates(MOVE_VERBS, Object.keys(FALL_VERBS), SINGLE_STAY);
const GROUP = predicates([...MOVE_VERBS, ...GROUP_MOVE_VERBS], Object.keys(FALLS), [
  ...SINGLE_STAY,
  ...GROUP_STAY_PHRASES,
  ...BARE_BE,
]);
/** The optional verb before a relation, "between" or "in the middle of": "is", "sits still", "stands", … */
const BE = "(?:(?:is|sits|stays|stands|remains)(?:\\s+(?:still|stationary))?\\s+)?";
const RELATION = anchored(`${BE}(${alternation(RELATIONS)})\\s+(.+)`);
const BETWEEN = anchored(`${BE}between\\s+(.+?)\\s+and\\s+(.+)`);
const MIDDLE = anchored(`${BE}(?:${alternation(MIDDLE_OF_PHRASES)})\\s+(.+)`);
const ORBIT = anchored(
  `(?:${alternation(ORBIT_VERBS)})\\s+the\\s+(?:center|middle)(?:\\s+of\\s+the\\s+(?:screen|frame|canvas))?` +
    `(?:\\s*,?\\s+starting\\s+(?:at|from)\\s+${PLACE})?`,
);
const BARE_PLACE = anchored(`(?:${AT_PLACE})?`);

const EXPECTED =
  'expected "<a colour> <shape>" or "<two…five> <colour> <shapes> [in a row|column|circle]" (or "a row|column|circle of …") ' +
  'followed by "moves|rolls|… from <place> to <place>", "falls|rises", "stays|remains|sits still|stands|is stationary at <place>", ' +
  '"moves back and forth between <place> and <place>", or, for a single object, "is above|below|to the left of|to the right of <object>", ' +
  '"is between <object> and <object>", "stands in the middle of a circle of <n> <colour> <shapes>" or "circles around the center"';

/** Reads one clause (no joiners left in it): its subject, then what it says the subject does. */
export function readClause(part: string): ParsedClause {
  const subject = readThing(part);
  if (subject) {
    const rest = part.slice(subject.length).trim();
    const parsed = isGroup(subject.thing)
      ? readGroupPredicate(subject.thing, rest, part)
      : readSinglePredicate(subject.thing, rest, part);
    if (parsed) return parsed;
  }
  throw new PromptParseError(`cannot read "${part}": ${EXPECTED}`, part);
}

function readSinglePredicate(thing: SceneObject, rest: string, part: string): ParsedClause | null {
  const color = thing.color;
  const alone = (clause: Clause): ParsedClause => ({ objects: [thing], clauses: [clause] });
  let m = MIDDLE.exec(rest);
  // "in the center of the screen" is a place (the stay clause below), not the middle of a group.
  const circle = m ? readWholeThing(m[1]) : null;
  if (circle) {
    if (circle.formation !== "circle")
      throw new PromptParseError(
        `"${part}": the middle of what? say "in the middle of a circle of <n> <colour> <shapes>"`,
        part,
      );
    return {
      objects: [thing, circle],
      clauses: [
        { kind: "stationary", color, at: "center" },
        { kind: "stationary", color: circle.color, at: "center" },
      ],
    };
  }
  m = BETWEEN.exec(rest);
  if (m) {
    const [a, b] = [readWholeThing(m[1]), readWholeThing(m[2])];
    if (a && b) {
      singlesOnly(part, '"between"', a, b);
      return { objects: [thing, a, b], clauses: [{ kind: "between", color, a: a.color, b: b.color }] };
    }
  }
  m = RELATION.exec(rest);
  if (m) {
    const other = readWholeThing(m[2]);
    if (other) {
      singlesOnly(part, "a relation", other);
      const relation = (m[1] ?? "").replace(/\s+/g, " ") as Relation;
      return { objects: [thing, other], clauses: [{ kind: "relation", color, relation, other: other.color }] };
    }
  }
  m = ORBIT.exec(rest);
  if (m) {
    const start = m[1] ? toPlace(m[1]) : ORBIT_DEFAULT_START;
    if (start === "center")
      throw new PromptParseError(`"${part}": an orbit goes around the center, it cannot start there`, part);
    return alone({ kind: "orbit", color, start });
  }
  const own = readOwnPredicate(thing, rest, SINGLE);
  return own ? alone(own) : null;
}

function readGroupPredicate(thing: SceneObject, rest: string, part: string): ParsedClause | null {
  const m = BARE_PLACE.exec(rest);
  let clause: Clause | null = null;
  // A bare formation phrase, with or without a place, is a stationary clause ("a row of four green squares along the bottom").
  if (m && thing.formation) clause = { kind: "stationary", color: thing.color, at: m[1] ? toPlace(m[1]) : null };
  clause ??= readOwnPredicate(thing, rest, GROUP, part);
  if (!clause) return null;
  if (thing.formation) checkFormationPlaces(thing.formation, clause, part);
  return { objects: [thing], clauses: [clause] };
}

/** motion, fall, back and forth, stay: the clauses about one thing alone. */
function readOwnPredicate(
  thing: SceneObject,
  rest: string,
  verbs: ReturnType<typeof predicates>,
  part = rest,
): Clause | null {
  const color = thing.color;
  let m = verbs.motion.exec(rest);
  if (m) return { kind: "motion", color, from: toPlace(m[1]), to: toPlace(m[2]) };
  m = verbs.fall.exec(rest);
  if (m) {
    const path = FALLS[m[1] ?? ""];
    if (!path) return null;
    return { kind: "motion", color, from: m[2] ? toPlace(m[2]) : path.from, to: m[3] ? toPlace(m[3]) : path.to };
  }
  m = verbs.backAndForth.exec(rest);
  if (m) return { kind: "back_and_forth", color, a: toPlace(m[1]), b: toPlace(m[2]) };
  m = verbs.stay.exec(rest);
  if (m) {
    const [, verb, formation, place] = m;
    if (BARE_BE.includes(verb?.replace(/\s+/g, " ") ?? "") && !formation && !place) return null;
    if (formation && !isGroup(thing)) return null;
    if (formation) setFormation(thing, FORMATION_WORDS[formation], part);
    return { kind: "stationary", color, at: place ? toPlace(place) : null };
  }
  return null;
}

/** Rows stand at or move between y-places, columns between x-places; a circle is centred and does not move. */
function checkFormationPlaces(formation: Formation, clause: Clause, part: string): void {
  const allowed = FORMATION_PLACES[formation];
  if (formation === "circle" && clause.kind !== "stationary")
    throw new PromptParseError(`"${part}": a circle of objects is centred on the canvas and does not move`, part);
  const places =
    clause.kind === "motion"
      ? [clause.from, clause.to]
      : clause.kind === "back_and_forth"
        ? [clause.a, clause.b]
        : clause.kind === "stationary" && clause.at
          ? [clause.at]
          : [];
  const wrong = places.find((p) => !allowed.includes(p));
  if (wrong) {
    throw new PromptParseError(
      `"${part}": a ${formation} stands at or moves between ${allowed.join(", ")}; not "${wrong}"`,
      part,
    );
  }
}

function setFormation(thing: SceneObject, formation: Formation | undefined, part: string): void {
  if (!formation) return;
  if (thing.formation && thing.formation !== formation)
    throw new PromptParseError(`"${part}": a group is in a ${thing.formation} or in a ${formation}, not both`, part);
  thing.formation = formation;
}

function singlesOnly(part: string, what: string, ...things: SceneObject[]): void {
  if (things.some(isGroup)) throw new PromptParseError(`"${part}": ${what} takes single objects, not groups`, part);
}

const isGroup = (o: SceneObject) => (o.count ?? 1) > 1;

/** The object phrase at the start of `text` and how many characters it takes. */
function readThing(text: string): { thing: SceneObject; length: number } | null {
  let m = FORMATION_NP.exec(text);
  if (m) return { thing: group(m[3], m[4], m[2], m[1]), length: m[0].length };
  m = GROUP_NP.exec(text);
  if (m) return { thing: group(m[2], m[3], m[1], m[4]), length: m[0].length };
  m = SINGLE_NP.exec(text);
  if (m) return { thing: { color: m[1] as Color, shape: SHAPE_SYNONYMS[m[2] ?? ""]! }, length: m[0].length };
  return null;
}

/** `text` is exactly one object phrase. */
function readWholeThing(text: string | undefined): SceneObject | null {
  const read = readThing(text ?? "");
  return read && read.length === text?.length ? read.thing : null;
}

function group(
  color: string | undefined,
  plural: string | undefined,
  count: string | undefined,
  formation: string | undefined,
): SceneObject {
  return {
    color: color as Color,
    shape: PLURAL_SHAPE_SYNONYMS[plural ?? ""]!,
    count: COUNT_WORDS[count as keyof typeof COUNT_WORDS],
    formation: formation ? (FORMATION_WORDS[formation] ?? null) : null,
  };
}

function toPlace(raw: string | undefined): Place {
  const words = (raw ?? "").replace(/\s+/g, " ");
  const place = PLACE_SYNONYMS[words.replace(/^(top|bottom) (left|right)$/, "$1-$2")];
  if (!place) throw new PromptParseError(`unknown place "${words}"`, words);
  return place;
}
