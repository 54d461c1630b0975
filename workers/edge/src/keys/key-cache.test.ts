import { describe, expect, it } from "vitest";
import { KeyCache } from "./key-cache.js";
import type { KeyRecord } from "./key-record.js";

const record = { id: "key_abcdefghijkl", tenant_id: "t" } as KeyRecord;

describe("KeyCache", () => {
  it("returns entries until they expire", () => {
    const cache = new KeyCache(100);
    cache.set("h", record, 1_000);
    expect(cache.get("h", 1_050)).toBe(record);
    expect(cache.get("h", 1_100)).toBeUndefined();
  });

  it("forgets deleted entries and evicts the oldest beyond its size", () => {
    const cache = new KeyCache(1_000, 2);
    cache.set("a", record, 0);
    cache.set("b", record, 0);
    cache.set("c", record, 0);
    expect(cache.get("a", 1)).toBeUndefined();
    cache.delete("b");
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("c", 1)).toBe(record);
  });
});
