import type { LintIssue } from "@sketchreel/contract";
import { COLORS, PLACE_SYNONYMS, SHAPE_SYNONYMS, VAGUE_SPATIAL_WORDS } from "@sketchreel/shape-world";
import { tokenizeWords, type WordToken } from "./normalize.js";
import {
  KNOWN_WORDS,
  lookup,
  MOTION_WORDS,
  NUMBER_WORDS,
  singularShape,
  UNKNOWN_COLORS,
  UNKNOWN_SHAPES,
} from "./vocabulary.js";

export const MAX_SUBJECTS = 2;
export const MAX_WORDS = 60;

export interface PromptLint {
  ok: boolean;
  normalized_prompt: string;
  subjects: number;
  issues: LintIssue[];
}

/**
 * The "use standard spatial words" advice as code. `vocabulary` is the model's prompt grammar
 * ("shape-world" for the embedded model); without one only the model-independent rules apply.
 */
export function lintPrompt(prompt: string, vocabulary: string | null): PromptLint {
  const closed = vocabulary === "shape-world";
  const tokens = tokenizeWords(prompt);
  const issues: LintIssue[] = [...vagueWordIssues(prompt)];
  const subjects = countSubjects(tokens);
  if (subjects > MAX_SUBJECTS) {
    issues.push({
      code: "too_many_subjects",
      severity: closed ? "error" : "warning",
      message: `the prompt names ${subjects} subjects; the model draws at most ${MAX_SUBJECTS}`,
      span: null,
      suggestion: "describe one or two objects",
    });
  }
  if (tokens.length > MAX_WORDS) {
    issues.push(issue("too_long", "warning", `${tokens.length} words; keep prompts under ${MAX_WORDS}`, null, null));
  }
  if (closed) issues.push(...vocabularyIssues(tokens), ...motionIssues(tokens));
  return {
    ok: !issues.some((i) => i.severity === "error"),
    normalized_prompt: closed ? canonicalizeShapeWorld(prompt) : prompt.toLowerCase(),
    subjects,
    issues,
  };
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

function vagueWordIssues(prompt: string): LintIssue[] {
  const lower = prompt.toLowerCase();
  const issues: LintIssue[] = [];
  for (const [phrase, suggestion] of Object.entries(VAGUE_SPATIAL_WORDS)) {
    for (const match of lower.matchAll(new RegExp(`\\b${phrase.replace(/ /g, "\\s+")}\\b`, "g"))) {
      const start = match.index ?? 0;
      const span = { word: phrase, start, end: start + match[0].length };
      issues.push(issue("vague_spatial_word", "warning", `"${phrase}" is vague about space`, span, suggestion));
    }
  }
  return issues.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

/** Objects introduced by an article, a color or a number ("a ball", "red cube", "three dots"). */
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
        (w) =>
          w === "a" ||
          w === "an" ||
          w === "another" ||
          lookup(UNKNOWN_COLORS, w) !== undefined ||
          COLORS.includes(w as never),
      )
    )
      count += 1;
  });
  return count;
}

function vocabularyIssues(tokens: WordToken[]): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const token of tokens) {
    const { word } = token;
    if (KNOWN_WORDS.has(word) || lookup(NUMBER_WORDS, word) !== undefined) continue;
    const color = lookup(UNKNOWN_COLORS, word);
    const shape = singularShape(word);
    if (color) {
      issues.push(
        issue(
          "unknown_color",
          "error",
          `the model does not know the color "${word}" (palette: ${COLORS.join(", ")})`,
          token,
          color,
        ),
      );
    } else if (shape && Object.hasOwn(UNKNOWN_SHAPES, shape)) {
      const known = Object.values(SHAPE_SYNONYMS).filter((v, i, all) => all.indexOf(v) === i);
      issues.push(
        issue(
          "unknown_shape",
          "error",
          `the model does not know the shape "${word}" (shapes: ${known.join(", ")})`,
          token,
          lookup(UNKNOWN_SHAPES, shape) ?? null,
        ),
      );
    } else if (!shape) {
      issues.push(
        issue("unknown_word", "warning", `"${word}" is not in the model's vocabulary and will be ignored`, token, null),
      );
    }
  }
  return issues;
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

/** Lowercase, canonical shape and place words ("circle" → "ball", "middle" → "center"). */
export function canonicalizeShapeWorld(prompt: string): string {
  let text = prompt.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [phrase, place] of Object.entries(PLACE_SYNONYMS)) {
    if (phrase !== place) text = text.replace(new RegExp(`\\b${phrase}\\b`, "g"), place);
  }
  return text.replace(/[\p{L}-]+/gu, (word) => {
    return lookup(SHAPE_SYNONYMS, word) ?? word;
  });
}
