import type { ModelGraphs } from "../graphs.js";
import { int64Tensor } from "../tensor.js";
import type { TextEmbedding, TextEmbeddingCache } from "../text/text-embedding-cache.js";
import type { TextTokenizer } from "../text/tokenizer.js";

export interface PromptEncoder {
  graphs: ModelGraphs;
  tokenizer: TextTokenizer;
  cache: TextEmbeddingCache;
  /** Digest of the tokenizer + text encoder: half of the cache key. */
  digest: string;
}

/**
 * Stage 2: tokenize and encode texts, serving repeats from the LRU cache (keyed by the text encoder
 * digest + text). Misses go through the encoder together when its graph takes a dynamic batch.
 * Returns one [S, D] embedding per text, in order, and how many came from the cache.
 */
export async function encodeTexts(
  texts: string[],
  { graphs, tokenizer, cache, digest }: PromptEncoder,
): Promise<{ embeddings: TextEmbedding[]; cacheHits: number }> {
  const results = new Map<string, TextEmbedding>();
  for (const text of texts) {
    const hit = cache.get(digest, text);
    if (hit) results.set(text, hit);
  }
  const cacheHits = texts.filter((t) => results.has(t)).length;
  const misses = [...new Set(texts)].filter((t) => !results.has(t));
  const batches = graphs.batches("text_encoder") ? [misses] : misses.map((m) => [m]);
  for (const batch of batches.filter((b) => b.length > 0)) {
    const L = tokenizer.maxLength;
    const ids = new BigInt64Array(batch.length * L);
    const mask = new BigInt64Array(batch.length * L);
    batch.forEach((text, b) => {
      const tokens = tokenizer.encode(text);
      ids.set(tokens.inputIds, b * L);
      mask.set(tokens.attentionMask, b * L);
    });
    const out = await graphs.run("text_encoder", {
      input_ids: int64Tensor(ids, [batch.length, L]),
      attention_mask: int64Tensor(mask, [batch.length, L]),
    });
    const [, S, D] = out.dims as [number, number, number];
    const data = out.data as Float32Array;
    batch.forEach((text, b) => {
      const embedding: TextEmbedding = { data: data.slice(b * S * D, (b + 1) * S * D), dims: [S, D] };
      results.set(text, embedding);
      cache.set(digest, text, embedding);
    });
  }
  return { embeddings: texts.map((t) => results.get(t)!), cacheHits };
}
