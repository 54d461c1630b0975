import type { FieldError, ModelVocabulary } from "@sketchreel/contract";
import { type ModelToken, tokenizeLikeModel } from "./model-tokens.js";
import { nearestWords } from "./nearest-words.js";

export type VocabularyRule = "unknown_word" | "too_many_objects" | "too_many_things" | "too_many_tokens";
export type VocabularyRole = keyof ModelVocabulary["roles"];

/** Why a model cannot draw a prompt: a field error on `prompt` naming the word, where it is, and what to use. */
export interface PromptVocabularyError extends FieldError {
  field: "prompt";
  rule: VocabularyRule;
  word: string;
  span: { start: number; end: number };
  suggestions: string[];
}

interface CompiledVocabulary {
  known: Set<string>;
  /** Known words worth suggesting for a misspelling, content words first. */
  suggestable: string[];
  roleOf: Map<string, VocabularyRole>;
  shapes: string[][];
  colors: Set<string>;
  formations: string[][];
  counts: Map<string, number>;
  /** The shape-world grammar: each colour names one thing, so a second mention of a colour adds nothing. */
  oneThingPerColor: boolean;
}

const compiled = new WeakMap<ModelVocabulary, CompiledVocabulary>();

/** Token sequences of a list of words or phrases ("to the left of" → 4 tokens). */
const phrases = (list: readonly string[]) => list.map((p) => tokenizeLikeModel(p).map((t) => t.text));

function compile(vocabulary: ModelVocabulary): CompiledVocabulary {
  let c = compiled.get(vocabulary);
  if (c) return c;
  const roleOf = new Map<string, VocabularyRole>();
  for (const [role, list] of Object.entries(vocabulary.roles) as [VocabularyRole, string[]][]) {
    for (const word of phrases(list).flat()) if (!roleOf.has(word)) roleOf.set(word, role);
  }
  const known = new Set([...roleOf.keys(), ...phrases(vocabulary.function_words).flat()]);
  c = {
    known,
    suggestable: [...known].filter((w) => /^\p{L}+$/u.test(w)),
    roleOf,
    shapes: phrases(vocabulary.roles.shapes),
    colors: new Set(phrases(vocabulary.roles.colors).flat()),
    formations: phrases(vocabulary.roles.formations),
    counts: new Map(Object.entries(vocabulary.count_values)),
    oneThingPerColor: vocabulary.grammar === "shape-world",
  };
  compiled.set(vocabulary, c);
  return c;
}

/** Every token a vocabulary knows (its phrases split as the tokenizer splits them), roles first. */
export function vocabularyWords(vocabulary: ModelVocabulary): string[] {
  return [...compile(vocabulary).known];
}

/** The role a known word plays in the vocabulary ("red" → colors), if any. */
export function vocabularyRole(vocabulary: ModelVocabulary, word: string): VocabularyRole | undefined {
  return compile(vocabulary).roleOf.get(word.toLowerCase());
}

/** Whether prompts are checked at all: only a closed vocabulary refuses anything. */
export const isClosedVocabulary = (v: ModelVocabulary | null | undefined): v is ModelVocabulary => v?.closed === true;

/**
 * The one vocabulary gate (lint, the edge, the CLI and the runner all call it): every reason the
 * model cannot draw `prompt` — each word outside its vocabulary (with the nearest known words: the
 * vocabulary's synonyms first, then by edit distance), more objects than `max_objects`, more
 * separately named things than `max_things`, more tokens than `max_tokens` — in prompt order. Empty when it can, or when the vocabulary is not closed.
 */
export function checkPromptVocabulary(
  prompt: string,
  vocabulary: ModelVocabulary | null | undefined,
): PromptVocabularyError[] {
  if (!isClosedVocabulary(vocabulary)) return [];
  const c = compile(vocabulary);
  const tokens = tokenizeLikeModel(prompt);
  const errors: PromptVocabularyError[] = [];
  for (const token of tokens) {
    if (c.known.has(token.text)) continue;
    const synonyms = Object.hasOwn(vocabulary.synonyms, token.text) ? (vocabulary.synonyms[token.text] ?? []) : [];
    const suggestions = synonyms.length > 0 ? synonyms : nearestWords(token.text, c.suggestable);
    const word = prompt.slice(token.start, token.end);
    errors.push(error("unknown_word", token, token, word, unknownWordMessage(word, suggestions), suggestions));
  }
  const objects = countObjects(tokens, c);
  const max = vocabulary.max_objects;
  if (max !== undefined && objects.total > max) {
    const [first, last] = objects.tokensOf[max] ?? [tokens[0]!, tokens[0]!];
    const word = prompt.slice(first.start, last.end);
    const message = `the prompt names ${objects.total} objects; the model draws at most ${max} ("${word}" is one too many)`;
    errors.push(error("too_many_objects", first, last, word, message, []));
  }
  const maxThings = vocabulary.max_things;
  if (maxThings !== undefined && objects.things.length > maxThings) {
    const [first, last] = objects.things[maxThings]!;
    const word = prompt.slice(first.start, last.end);
    const message = `the prompt names ${objects.things.length} separate things (a single object or a group each); the model draws at most ${maxThings} ("${word}" is one too many)`;
    errors.push(error("too_many_things", first, last, word, message, []));
  }
  const maxTokens = vocabulary.max_tokens;
  if (maxTokens !== undefined && tokens.length > maxTokens) {
    const cut = tokens[maxTokens]!;
    const word = prompt.slice(cut.start, cut.end);
    const message = `the prompt is ${tokens.length} tokens long; the model reads at most ${maxTokens}, so it would ignore everything from "${word}" on`;
    errors.push(error("too_many_tokens", cut, tokens.at(-1)!, word, message, []));
  }
  return errors.sort((a, b) => a.span.start - b.span.start);
}

/** `"cat" is not a word the model knows`, then `; try "dot"` when there are suggestions. */
export function unknownWordMessage(word: string, suggestions: readonly string[]): string {
  const hint = suggestions.length > 0 ? `; try ${suggestions.map((s) => `"${s}"`).join(" or ")}` : "";
  return `"${word}" is not a word the model knows${hint}`;
}

/** How many objects a prompt names in this vocabulary ("a red ball and three blue dots" → 4). */
export function countPromptObjects(prompt: string, vocabulary: ModelVocabulary): number {
  return countObjects(tokenizeLikeModel(prompt), compile(vocabulary)).total;
}

/**
 * Walks the tokens: a formation phrase is skipped (the "circle" of "a circle of" or "in a circle" is
 * no object; the one of "a yellow circle" is), a count word sets how many the next shape stands for,
 * each shape phrase adds that many (else one) —
 * except a shape word right after a shape, which is a verb ("a red ball circles the center"), and,
 * in the shape-world grammar, a colour named before ("the blue square" again; "three red balls" then
 * "the three red balls" count three). `tokensOf[i]` is the first and last token of the shape that
 * brings the total past `i`; `things` holds the span of each shape phrase that names a new thing.
 */
function countObjects(tokens: ModelToken[], c: CompiledVocabulary) {
  const tokensOf: [ModelToken, ModelToken][] = [];
  const things: [ModelToken, ModelToken][] = [];
  const countedByColor = new Map<string, number>();
  let pending: number | undefined;
  let afterShape = false;
  for (let i = 0; i < tokens.length; ) {
    const formation = longestMatch(tokens, i, c.formations);
    const alsoShape = formation > 0 && longestMatch(tokens, i, c.shapes) >= formation;
    if (formation > 0 && (!alsoShape || inFormationPhrase(tokens, i, formation))) {
      i += formation;
      afterShape = false;
      continue;
    }
    const count = c.counts.get(tokens[i]!.text);
    if (count !== undefined) pending = count;
    const shape = longestMatch(tokens, i, c.shapes);
    if (shape > 0 && !afterShape) {
      const span: [ModelToken, ModelToken] = [tokens[i]!, tokens[i + shape - 1]!];
      const color = c.oneThingPerColor ? tokens[i - 1]?.text : undefined;
      const named = color !== undefined && c.colors.has(color) ? color : undefined;
      const before = named === undefined ? 0 : (countedByColor.get(named) ?? 0);
      const members = pending ?? 1;
      if (named === undefined || !countedByColor.has(named)) things.push(span);
      if (named !== undefined) countedByColor.set(named, Math.max(before, members));
      for (let n = before; n < members; n++) tokensOf.push(span);
      pending = undefined;
    }
    afterShape = shape > 0;
    i += Math.max(shape, 1);
  }
  return { total: tokensOf.length, tokensOf, things };
}

/**
 * Whether the formation word at `at` (`length` tokens) stands where the grammar puts a formation:
 * "in a circle" or "a circle of …". A word that is both a formation and a shape ("circle") is the
 * shape anywhere else ("a yellow circle rises").
 */
function inFormationPhrase(tokens: ModelToken[], at: number, length: number): boolean {
  const inA = tokens[at - 2]?.text === "in" && tokens[at - 1]?.text === "a";
  return inA || tokens[at + length]?.text === "of";
}

function longestMatch(tokens: ModelToken[], at: number, candidates: string[][]): number {
  let best = 0;
  for (const phrase of candidates) {
    if (phrase.length > best && phrase.every((word, k) => tokens[at + k]?.text === word)) best = phrase.length;
  }
  return best;
}

/** `span` runs from the first token's start to the last one's end; `word` is what the message quotes. */
function error(
  rule: VocabularyRule,
  first: ModelToken,
  last: ModelToken,
  word: string,
  message: string,
  suggestions: string[],
): PromptVocabularyError {
  return { field: "prompt", rule, message, word, span: { start: first.start, end: last.end }, suggestions };
}
