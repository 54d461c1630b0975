import type { ResolvedParams, Variant } from "@sketchreel/contract";
import { canonicalJson, sha256Hex } from "./hash.js";
import { normalizePrompt } from "./normalize.js";

export interface CacheKeyInput {
  model: { id: string; version: string };
  prompt: string;
  negativePrompt: string;
  params: ResolvedParams;
  outputs: readonly Variant[];
}

/** The canonical parameter set a result is keyed by; a model version bump changes every key. */
export function canonicalParameterSet(input: CacheKeyInput) {
  return {
    v: 1,
    model: { id: input.model.id, version: input.model.version },
    prompt: normalizePrompt(input.prompt),
    negative_prompt: normalizePrompt(input.negativePrompt),
    params: input.params,
    outputs: [...input.outputs].sort(),
  };
}

/** SHA-256 (hex) of the canonical parameter set: the result-cache and single-flight key. */
export function computeCacheKey(input: CacheKeyInput): Promise<string> {
  return sha256Hex(canonicalJson(canonicalParameterSet(input)));
}
