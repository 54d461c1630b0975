import type { ResolvedParams, Variant } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "./hash.js";

export interface CacheKeyInput {
  model: { id: string; version: string };
  prompt: string;
  negativePrompt: string;
  params: ResolvedParams;
  outputs: readonly Variant[];
}

/**
 * The canonical parameter set a result is keyed by: exactly what the runner gets. The texts are
 * keyed as sent to the model (after the contract's own normalisation: NFC, whitespace collapsed,
 * trimmed), never folded further: "a red ball falls" and "a red ball falls." tokenize differently,
 * and a case-sensitive tokenizer (UMT5) sees "Ball" and "ball" apart. A model version bump changes
 * every key; `v` changes when this set does.
 */
export function canonicalParameterSet(input: CacheKeyInput) {
  return {
    v: 2,
    model: { id: input.model.id, version: input.model.version },
    prompt: input.prompt,
    negative_prompt: input.negativePrompt,
    params: input.params,
    outputs: [...input.outputs].sort(),
  };
}

/** SHA-256 (hex) of the canonical parameter set: the result-cache and single-flight key. */
export function computeCacheKey(input: CacheKeyInput): Promise<string> {
  return sha256Hex(canonicalJson(canonicalParameterSet(input)));
}
