/** One encoded text: [S, D] hidden states, row-major. */
/** One text's encoder output without its batch axis ([S, D] from a text encoder). */
export interface TextEmbedding {
  data: Float32Array;
  dims: readonly number[];
}

/**
 * Least-recently-used cache of text embeddings, keyed by the text encoder's digest and the text.
 * Prompts repeat (templates, the empty negative prompt), and encoding is a full graph run.
 */
export class TextEmbeddingCache {
  private readonly entries = new Map<string, TextEmbedding>();

  constructor(readonly capacity = 64) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`capacity must be an integer >= 0, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(digest: string, text: string): TextEmbedding | undefined {
    const key = cacheKey(digest, text);
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(digest: string, text: string, embedding: TextEmbedding): void {
    if (this.capacity === 0) return;
    const key = cacheKey(digest, text);
    this.entries.delete(key);
    this.entries.set(key, embedding);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

function cacheKey(digest: string, text: string): string {
  return `${digest}\u0000${text}`;
}
