import { PromptParseError, SuiteFormatError } from "./errors.js";
import { parsePrompt } from "./parse-prompt.js";
import type { Clause, SceneSpec } from "./scene.js";
import { COLORS, PLACES, RELATIONS, SHAPES } from "./vocabulary.js";

/**
 * One evaluation prompt. The format is that of the suites in `suites/` (v1-test.json, v1-dev.json):
 * `[{ "id", "prompt", "objects": [{color, shape}], "clauses": [...] }]`. `objects` and `clauses`
 * may be left out (or an entry may be a bare prompt string): they are then parsed from the prompt.
 */
export interface SuiteEntry extends SceneSpec {
  id: string;
  prompt: string;
}

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
  const { id, prompt, objects, clauses } = entry as Record<string, unknown>;
  if (typeof prompt !== "string" || !prompt.trim())
    throw new SuiteFormatError("prompt must be a non-empty string", `${at}.prompt`);
  if (id !== undefined && typeof id !== "string") throw new SuiteFormatError("id must be a string", `${at}.id`);
  const entryId = id ?? `p${String(i + 1).padStart(2, "0")}`;
  if (objects === undefined && clauses === undefined) return { id: entryId, prompt, ...parseEntryPrompt(prompt, at) };
  if (!Array.isArray(objects))
    throw new SuiteFormatError("objects must be an array of {color, shape}", `${at}.objects`);
  if (!Array.isArray(clauses)) throw new SuiteFormatError("clauses must be an array", `${at}.clauses`);
  const spec = { objects, clauses } as SceneSpec;
  spec.objects.forEach((o, j) => {
    oneOf(o?.color, COLORS, `${at}.objects[${j}].color`);
    oneOf(o?.shape, SHAPES, `${at}.objects[${j}].shape`);
  });
  const named = spec.objects.map((o) => o.color);
  for (const [j, c] of spec.clauses.entries()) checkClause(c, named, `${at}.clauses[${j}]`);
  return { id: entryId, prompt, objects: spec.objects, clauses: spec.clauses };
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

/** Allowed values per field of each clause kind; `named` stands for the entry's object colors. */
const FIELDS: Record<Clause["kind"], Record<string, readonly string[] | "named">> = {
  presence: {},
  shape: { color: "named", shape: SHAPES },
  motion: { color: "named", from: PLACES, to: PLACES },
  stationary: { color: "named" },
  relation: { color: "named", relation: RELATIONS, other: "named" },
};

function checkClause(clause: unknown, named: string[], at: string): void {
  const fields = clause as Record<string, unknown> | null;
  const kind = fields?.kind;
  const rules = typeof kind === "string" ? FIELDS[kind as Clause["kind"]] : undefined;
  if (!fields || !rules) {
    throw new SuiteFormatError(
      `kind must be one of ${Object.keys(FIELDS).join(", ")}; got ${JSON.stringify(kind)}`,
      `${at}.kind`,
    );
  }
  for (const [field, allowed] of Object.entries(rules)) {
    oneOf(fields[field], allowed === "named" ? named : allowed, `${at}.${field}`);
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
