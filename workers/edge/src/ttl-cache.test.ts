import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.js";

const value = { id: "key_abcdefghijkl" };

describe("TtlCache", () => {
  it("returns entries until they expire", () => {
    const cache = new TtlCache<typeof value>(100);
    cache.set("h", value, 1_000);
    expect(cache.get("h", 1_050)).toBe(value);
    expect(cache.get("h", 1_100)).toBeUndefined();
  });

  it("forgets deleted entries and evicts the oldest beyond its size", () => {
    const cache = new TtlCache<typeof value>(1_000, 2);
    cache.set("a", value, 0);
    cache.set("b", value, 0);
    cache.set("c", value, 0);
    expect(cache.get("a", 1)).toBeUndefined();
    cache.delete("b");
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("c", 1)).toBe(value);
  });

  it("refreshing a key at full size evicts nothing else", () => {
    const cache = new TtlCache<typeof value>(1_000, 2);
    cache.set("a", value, 0);
    cache.set("b", value, 0);
    cache.set("b", value, 10);
    expect(cache.get("a", 11)).toBe(value);
  });
});
