export interface WordToken {
  word: string;
  start: number;
  end: number;
}

/** Lowercase word tokens (letters, digits, hyphen, apostrophe) with their spans in `text`. */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) {
    const start = match.index ?? 0;
    tokens.push({ word: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return tokens;
}
