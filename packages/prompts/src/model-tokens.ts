/** One token as a model's word-level tokenizer sees it: lowercased text and its span in the prompt. */
export interface ModelToken {
  text: string;
  /** UTF-16 offsets into the prompt as given; `end` is exclusive. */
  start: number;
  end: number;
}

// Hugging Face `tokenizers`' Whitespace pre-tokenizer is the regex `\w+|[^\w\s]+` with Unicode classes:
// a run of word characters, or a run of characters that are neither word characters nor spaces.
const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}`;
const PRE_TOKEN = new RegExp(`[${WORD}]+|[^${WORD}\\s]+`, "gu");

/**
 * Splits a prompt the way the embedded model's tokenizer does (`tokenizer.json`: a `Lowercase`
 * normalizer, the `Whitespace` pre-tokenizer, a WordLevel model): "the top-left." is
 * `the`, `top`, `-`, `left`, `.`. The token count is what the text encoder's length limit counts.
 */
export function tokenizeLikeModel(prompt: string): ModelToken[] {
  const tokens: ModelToken[] = [];
  for (const match of prompt.matchAll(PRE_TOKEN)) {
    const start = match.index;
    tokens.push({ text: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return tokens;
}
