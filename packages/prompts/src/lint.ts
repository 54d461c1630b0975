import type { LintIssue, ModelVocabulary } from "@sketchreel/contract";
import {
  COLORS,
  FORMATION_WORDS,
  PLACE_SYNONYMS,
  PLURAL_SHAPE_SYNONYMS,
  SHAPE_SYNONYMS,
  STANDARD_PHRASES_WITH_VAGUE_WORDS,
  VAGUE_SPATIAL_WORDS,
} from "@sketchreel/shape-world";
import { tokenizeWords, type WordToken } from "./normalize.js";
import { COLOR_WORDS, lookup, MOTION_WORDS, NUMBER_WORDS, singularShape } from "./vocabulary.js";
import {
  checkPromptVocabulary,
  countPromptObjects,
  isClosedVocabulary,
  type PromptVocabularyError,
  unknownWordMessage,
  vocabularyRole,
} from "./vocabulary-gate.js";

/** Subjects an open-vocabulary prompt may name before lint warns. */
export const MAX_SUBJECTS = 2;
export const MAX_WORDS = 60;

export interface PromptLint {
  ok: boolean;
  normalized_prompt: string;
  subjects: number;
  issues: LintIssue[];
}

/**
 * The "use standard spatial words" advice as code, for the model's `vocabulary`. A closed one adds
 * the vocabulary gate's refusals (the same `checkPromptVocabulary` that generation runs) as errors;
 * the shape-world grammar adds its motion and place advice. Without one, only the model-independent
 * rules apply.
 */
export function lintPrompt(prompt: string, vocabulary: ModelVocabulary | null): PromptLint {
  const closed = isClosedVocabulary(vocabulary);
  const shapeWorld = vocabulary?.grammar === "shape-world";
  const tokens = tokenizeWords(prompt);
  const issues: LintIssue[] = [...vagueWordIssues(prompt)];
  const subjects = closed ? countPromptObjects(prompt, vocabulary) : countSubjects(tokens);
  if (!closed && subjects > MAX_SUBJECTS) {
    issues.push({
      code: "too_many_subjects",
      severity: "warning",
      message: `the prompt names ${subjects} subjects; the model draws at most ${MAX_SUBJECTS}`,
      span: null,
      suggestion: "describe one or two objects",
    });
  }
  if (tokens.length > MAX_WORDS) {
    issues.push(issue("too_long", "warning", `${tokens.length} words; keep prompts under ${MAX_WORDS}`, null, null));
  }
  if (closed) issues.push(...checkPromptVocabulary(prompt, vocabulary).map((e) => vocabularyIssue(e, vocabulary)));
  if (shapeWorld) issues.push(...motionIssues(tokens));
  return {
    ok: !issues.some((i) => i.severity === "error"),
    normalized_prompt: shapeWorld ? canonicalizeShapeWorld(prompt) : prompt.toLowerCase(),
    subjects,
    issues,
  };
}

const LINT_CODE_OF_RULE = {
  unknown_word: "unknown_word",
  too_many_objects: "too_many_subjects",
  too_many_things: "too_many_subjects",
  too_many_tokens: "too_many_tokens",
} as const;

/** A gate refusal as a lint error; an unknown word whose suggestion is a colour (shape) is an unknown colour (shape). */
function vocabularyIssue(e: PromptVocabularyError, vocabulary: ModelVocabulary): LintIssue {
  const role = e.suggestions[0] === undefined ? undefined : vocabularyRole(vocabulary, e.suggestions[0]);
  const code =
    e.rule === "unknown_word" && role === "colors"
      ? "unknown_color"
      : e.rule === "unknown_word" && role === "shapes"
        ? "unknown_shape"
        : LINT_CODE_OF_RULE[e.rule];
  const suggestion = e.suggestions.length > 0 ? e.suggestions.join(" / ") : null;
  // The suggestions travel in `suggestion`, so an unknown word's message leaves them out.
  const message = e.rule === "unknown_word" ? unknownWordMessage(e.word, []) : e.message;
  return { code, severity: "error", message, span: e.span, suggestion };
}

function issue(
  code: LintIssue["code"],
  severity: LintIssue["severity"],
  message: string,
  token: WordToken | null,
  suggestion: string | null,
): LintIssue {
  return { code, severity, message, span: token ? { start: token.start, end: token.end } : null, suggestion };
}

const phraseRegExp = (phrase: string) => new RegExp(`\\b${phrase.replace(/ /g, "\\s+")}\\b`, "g");

/** Each vague word, unless it is part of a standard phrase ("around" in "circles around the center"). */
function vagueWordIssues(prompt: string): LintIssue[] {
  const lower = prompt.toLowerCase();
  const standard = STANDARD_PHRASES_WITH_VAGUE_WORDS.flatMap((phrase) =>
    [...lower.matchAll(phraseRegExp(phrase))].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  const issues: LintIssue[] = [];
  for (const [phrase, suggestion] of Object.entries(VAGUE_SPATIAL_WORDS)) {
    for (const match of lower.matchAll(phraseRegExp(phrase))) {
      const start = match.index;
      const span = { word: phrase, start, end: start + match[0].length };
      if (standard.some((s) => s.start <= span.start && span.end <= s.end)) continue;
      issues.push(issue("vague_spatial_word", "warning", `"${phrase}" is vague about space`, span, suggestion));
    }
  }
  return issues.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

/** Open vocabulary: objects introduced by an article, a color or a number ("a cat", "red cube", "three dots"). */
function countSubjects(tokens: WordToken[]): number {
  let count = 0;
  tokens.forEach((token, i) => {
    const shape = singularShape(token.word);
    if (!shape) return;
    const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.word);
    const number = before.map((w) => lookup(NUMBER_WORDS, w)).find((n) => n !== undefined);
    if (number !== undefined && shape !== token.word) count += number;
    else if (
      before.some(
        (w) => w === "a" || w === "an" || w === "another" || COLOR_WORDS.has(w) || COLORS.includes(w as never),
      )
    )
      count += 1;
  });
  return count;
}

function motionIssues(tokens: WordToken[]): LintIssue[] {
  const issues: LintIssue[] = [];
  if (!tokens.some((t) => MOTION_WORDS.has(t.word))) {
    issues.push(
      issue(
        "missing_motion",
        "warning",
        "no motion or placement: say what moves where, or what stays where",
        null,
        "moves from the left to the right / stays at the center",
      ),
    );
  }
  const words = tokens.map((t) => t.word);
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== "from") continue;
    const to = words.indexOf("to", i + 1);
    if (to < 0) continue;
    const from = placeOf(words.slice(i + 1, to));
    const dest = placeOf(words.slice(to + 1, to + 4));
    if (from && from === dest) {
      issues.push(
        issue(
          "conflicting_places",
          "warning",
          `starts and ends at the same place (${from})`,
          tokens[i] ?? null,
          "use stays at … for an object that does not move",
        ),
      );
    }
  }
  return issues;
}

function placeOf(words: string[]): string | null {
  const phrase = words.filter((w) => w !== "the").join(" ");
  return lookup(PLACE_SYNONYMS, phrase) ?? null;
}

/**
 * Lowercase, canonical shape and place words ("circle" → "ball", "dots" → "balls", "middle" →
 * "center"); a formation's word ("in a circle", "a circle of") and a shape word used as a verb
 * ("a ball circles the center") stay as they are.
 */
export function canonicalizeShapeWorld(prompt: string): string {
  let text = prompt.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [phrase, place] of Object.entries(PLACE_SYNONYMS)) {
    if (phrase !== place) text = text.replace(new RegExp(`\\b${phrase}\\b`, "g"), place);
  }
  const isShapeWord = (word: string) =>
    Object.hasOwn(SHAPE_SYNONYMS, word) || Object.hasOwn(PLURAL_SHAPE_SYNONYMS, word);
  let previous = "";
  return text.replace(/[\p{L}-]+/gu, (word, offset: number) => {
    const afterShape = isShapeWord(previous);
    previous = word;
    const formation =
      Object.hasOwn(FORMATION_WORDS, word) &&
      (/\bin an? $/.test(text.slice(0, offset)) || text.startsWith(" of ", offset + word.length));
    if (afterShape || formation) return word;
    const plural = lookup(PLURAL_SHAPE_SYNONYMS, word);
    return lookup(SHAPE_SYNONYMS, word) ?? (plural ? `${plural}s` : word);
  });
}
