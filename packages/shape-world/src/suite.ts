import { PromptParseError, SuiteFormatError } from "./errors.js";
import { parsePrompt } from "./parse-prompt.js";
import { type Clause, FORMATIONS, objectTotal, type SceneObject, type SceneSpec } from "./scene.js";
import { COLORS, MAX_OBJECTS, PLACES, RELATIONS, SHAPES } from "./vocabulary.js";

/**
 * One evaluation prompt. The format is that of the suites in `suites/` (v1-test.json, v1-dev.json):
 * `[{ "id", "prompt", "objects": [{color, shape}], "clauses": [...] }]`. `objects` and `clauses`
 * may be left out (or an entry may be a bare prompt string): they are then parsed from the prompt.
 * World v2 (WORLD-V2.md) adds an object's `count` (1–5) and `formation`, the clause kinds formation,
 * between, orbit and back_and_forth, and the format an entry is generated and judged at.
 */
export interface SuiteEntry extends SceneSpec {
  id: string;
  prompt: string;
  /** Frame width in pixels; 64 when absent. */
  width?: number;
  /** Frame height in pixels; 64 when absent. */
  height?: number;
  /** Frames in the clip; 16 when absent. */
  num_frames?: number;
}

/** The optional format fields of an entry. */
const FORMAT_FIELDS = ["width", "height", "num_frames"] as const;
/** Most members of one group. */
const MAX_COUNT = 5;

/** Validates a parsed suite JSON value; errors name the entry and field ("[3].clauses[1].from"). */
export function parseSuite(value: unknown): SuiteEntry[] {
  if (!Array.isArray(value)) throw new SuiteFormatError("a suite is a JSON array of entries", "$");
  if (value.length === 0) throw new SuiteFormatError("a suite needs at least one entry", "$");
  const entries = value.map((raw, i) => parseEntry(raw, i));
  const ids = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (ids.has(e.id)) throw new SuiteFormatError(`duplicate id "${e.id}"`, `[${i}].id`);
    ids.add(e.id);
  }
  return entries;
}

function parseEntry(raw: unknown, i: number): SuiteEntry {
  const at = `[${i}]`;
  const entry = typeof raw === "string" ? { prompt: raw } : raw;
  if (typeof entry !== "object" || entry === null)
    throw new SuiteFormatError("an entry is an object or a prompt string", at);
  const fields = entry as Record<string, unknown>;
  const { id, prompt, objects, clauses } = fields;
  if (typeof prompt !== "string" || !prompt.trim())
    throw new SuiteFormatError("prompt must be a non-empty string", `${at}.prompt`);
  if (id !== undefined && typeof id !== "string") throw new SuiteFormatError("id must be a string", `${at}.id`);
  const head = { id: id ?? `p${String(i + 1).padStart(2, "0")}`, prompt, ...readFormat(fields, at) };
  if (objects === undefined && clauses === undefined) return { ...head, ...parseEntryPrompt(prompt, at) };
  if (!Array.isArray(objects))
    throw new SuiteFormatError("objects must be an array of {color, shape[, count, formation]}", `${at}.objects`);
  if (!Array.isArray(clauses)) throw new SuiteFormatError("clauses must be an array", `${at}.clauses`);
  const spec = { objects, clauses } as SceneSpec;
  spec.objects.forEach((o, j) => {
    checkObject(o, `${at}.objects[${j}]`);
    if (spec.objects.findIndex((other) => other.color === o.color) < j)
      throw new SuiteFormatError(
        `"${o.color}" is named twice; each colour names one thing`,
        `${at}.objects[${j}].color`,
      );
  });
  const total = objectTotal(spec.objects);
  if (total > MAX_OBJECTS)
    throw new SuiteFormatError(
      `a scene has at most ${MAX_OBJECTS} objects; these objects count ${total}`,
      `${at}.objects`,
    );
  const named = spec.objects.map((o) => o.color);
  const groups = spec.objects.filter((o) => (o.count ?? 1) > 1).map((o) => o.color);
  for (const [j, c] of spec.clauses.entries()) checkClause(c, named, groups, `${at}.clauses[${j}]`);
  return { ...head, objects: spec.objects, clauses: spec.clauses };
}

/** width, height, num_frames: each absent or a positive integer. */
function readFormat(fields: Record<string, unknown>, at: string): Pick<SuiteEntry, (typeof FORMAT_FIELDS)[number]> {
  const format: Pick<SuiteEntry, (typeof FORMAT_FIELDS)[number]> = {};
  for (const field of FORMAT_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < 1)
      throw new SuiteFormatError(`${field} must be a positive integer; got ${JSON.stringify(value)}`, `${at}.${field}`);
    format[field] = value as number;
  }
  return format;
}

/** colour and shape; a count of 1–5 (1 when absent); a formation (absent or null: none) only for a group. */
function checkObject(o: SceneObject | null, at: string): void {
  oneOf(o?.color, COLORS, `${at}.color`);
  oneOf(o?.shape, SHAPES, `${at}.shape`);
  const count = o?.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    throw new SuiteFormatError(
      `count must be an integer from 1 to ${MAX_COUNT}; got ${JSON.stringify(count)}`,
      `${at}.count`,
    );
  const formation = o?.formation ?? null;
  if (formation === null) return;
  oneOf(formation, FORMATIONS, `${at}.formation`);
  if (count === 1)
    throw new SuiteFormatError(`a formation needs a group (count 2–${MAX_COUNT}); count is 1`, `${at}.formation`);
}

function parseEntryPrompt(prompt: string, at: string): SceneSpec {
  try {
    return parsePrompt(prompt);
  } catch (error) {
    if (error instanceof PromptParseError)
      throw new SuiteFormatError(`${error.message} (give objects and clauses explicitly)`, `${at}.prompt`);
    throw error;
  }
}

/** Allowed values per field of each clause kind; `named` stands for the entry's object colors, `group` for its groups'. */
const FIELDS: Record<Clause["kind"], Record<string, readonly string[] | "named" | "group">> = {
  presence: {},
  shape: { color: "named", shape: SHAPES },
  motion: { color: "named", from: PLACES, to: PLACES },
  stationary: { color: "named" },
  relation: { color: "named", relation: RELATIONS, other: "named" },
  formation: { color: "group", formation: FORMATIONS },
  between: { color: "named", a: "named", b: "named" },
  orbit: { color: "named", start: PLACES },
  back_and_forth: { color: "named", a: PLACES, b: PLACES },
};

function checkClause(clause: unknown, named: string[], groups: string[], at: string): void {
  const fields = clause as Record<string, unknown> | null;
  const kind = fields?.kind;
  const rules = typeof kind === "string" && Object.hasOwn(FIELDS, kind) ? FIELDS[kind as Clause["kind"]] : undefined;
  if (!fields || !rules) {
    throw new SuiteFormatError(
      `kind must be one of ${Object.keys(FIELDS).join(", ")}; got ${JSON.stringify(kind)}`,
      `${at}.kind`,
    );
  }
  for (const [field, allowed] of Object.entries(rules)) {
    if (allowed === "group" && named.includes(fields[field] as string) && !groups.includes(fields[field] as string))
      throw new SuiteFormatError(
        `"${fields[field]}" names a single object; a formation is a group's`,
        `${at}.${field}`,
      );
    oneOf(fields[field], allowed === "named" ? named : allowed === "group" ? groups : allowed, `${at}.${field}`);
  }
  if (kind === "stationary") {
    fields.at ??= null;
    if (fields.at !== null) oneOf(fields.at, PLACES, `${at}.at`);
  }
}

function oneOf(value: unknown, allowed: readonly string[], at: string): void {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new SuiteFormatError(`${JSON.stringify(value)} is not one of ${allowed.join(", ")}`, at);
  }
}
