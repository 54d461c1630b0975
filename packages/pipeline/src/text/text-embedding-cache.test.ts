import { describe, expect, it } from "vitest";
import { type TextEmbedding, TextEmbeddingCache } from "./text-embedding-cache.js";

const embedding = (v: number): TextEmbedding => ({ data: Float32Array.of(v), dims: [1, 1] });

describe("TextEmbeddingCache", () => {
  it("evicts the least recently used text past capacity", () => {
    const cache = new TextEmbeddingCache(2);
    cache.set("d", "a", embedding(1));
    cache.set("d", "b", embedding(2));
    expect(cache.get("d", "a")?.data[0]).toBe(1); // "a" is now the most recent
    cache.set("d", "c", embedding(3));
    expect(cache.get("d", "b")).toBeUndefined();
    expect(cache.get("d", "a")?.data[0]).toBe(1);
    expect(cache.get("d", "c")?.data[0]).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("keys by model digest as well as text", () => {
    const cache = new TextEmbeddingCache();
    cache.set("model-1", "a ball", embedding(1));
    expect(cache.get("model-2", "a ball")).toBeUndefined();
  });

  it("stores nothing with capacity 0 and rejects a bad capacity", () => {
    const cache = new TextEmbeddingCache(0);
    cache.set("d", "a", embedding(1));
    expect(cache.size).toBe(0);
    expect(() => new TextEmbeddingCache(-1)).toThrow(/capacity must be an integer >= 0, got -1/);
  });
});
