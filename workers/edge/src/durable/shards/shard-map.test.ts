import { describe, expect, it } from "vitest";
import { MAX_POLL_SHARDS, pollWindow } from "./lease.js";
import {
  allShards,
  homeShard,
  jumpHash,
  newShardedId,
  queueName,
  shardOfId,
  shardTag,
  tenantShards,
} from "./shard-map.js";

const tenants = Array.from({ length: 4000 }, (_, i) => `tenant-${i}`);

describe("shard map", () => {
  it("tags new ids with their shard and routes them back without a lookup", () => {
    for (const shard of [0, 1, 9, 61, 62, 1000, 3843]) {
      const id = newShardedId("vid", shard);
      expect(id).toMatch(/^vid_[A-Za-z0-9]{26}$/);
      expect(id.slice(4, 6)).toBe(shardTag(shard));
      expect(shardOfId(id, 3844)).toBe(shard);
      expect(shardOfId(newShardedId("shr", shard), 3844)).toBe(shard);
    }
    expect(() => shardTag(3844)).toThrow(RangeError);
  });

  it("routes ids from before sharding (no tag) to the legacy queue, and refuses tags it never issued", () => {
    expect(shardOfId("vid_3kTq9V0mXb2cLr8aZp1NabcD", 4)).toBe("legacy"); // 24 characters: no tag
    expect(shardOfId("vid_0000000000000000", 4)).toBe("legacy"); // shorter than any issued id
    expect(shardOfId("shr_Yb7nQ2pLx0Vt4sKe9Ra1wxyz", 4)).toBe("legacy");
    expect(shardOfId(`vid_04${"a".repeat(24)}`, 4)).toBeNull(); // shard 4 of 4 does not exist
    expect(shardOfId(`vid_zz${"a".repeat(24)}`, 4)).toBeNull();
    expect(queueName("legacy")).toBe("global");
    expect(queueName(3)).toBe("queue:3");
  });

  it("spreads tenants evenly (jump consistent hash)", () => {
    for (const buckets of [1, 2, 4, 16]) {
      const counts = new Array<number>(buckets).fill(0);
      for (const t of tenants) counts[jumpHash(t, buckets)]! += 1;
      const expected = tenants.length / buckets;
      for (const n of counts) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
    }
  });

  it("moves a tenant only onto an added shard when the count grows, and only about 1 − N/M of them", () => {
    let moved = 0;
    for (const t of tenants) {
      const before = jumpHash(t, 4);
      const after = jumpHash(t, 16);
      if (after !== before) {
        moved++;
        expect(after).toBeGreaterThanOrEqual(4);
      }
    }
    expect(moved / tenants.length).toBeGreaterThan(0.7);
    expect(moved / tenants.length).toBeLessThan(0.8); // 1 − 4/16 = 0.75
  });

  it("lists a tenant's shards home first, then its older homes, then legacy", () => {
    const mover = tenants.find((t) => jumpHash(t, 4) !== jumpHash(t, 16)) ?? "";
    expect(tenantShards(mover, [4, 16])).toEqual([homeShard(mover, [4, 16]), jumpHash(mover, 4), "legacy"]);
    const stayer = tenants.find((t) => jumpHash(t, 4) === jumpHash(t, 16)) ?? "";
    expect(tenantShards(stayer, [4, 16])).toEqual([jumpHash(stayer, 4), "legacy"]);
    expect(allShards([2, 3])).toEqual([0, 1, 2, "legacy"]);
  });

  it("has each poll visit every shard from a random one on, and at most MAX_POLL_SHARDS of many", () => {
    const few: (number | "legacy")[] = [0, 1, 2, 3, "legacy"];
    expect(pollWindow(few, 0)).toEqual(few);
    expect(pollWindow(few, 0.5)).toEqual([2, 3, "legacy", 0, 1]);
    const many = Array.from({ length: 1024 }, (_, n) => n);
    const window = pollWindow(many, 0.99);
    expect(window).toHaveLength(MAX_POLL_SHARDS);
    expect(window[0]).toBe(1013);
    expect(window.at(-1)).toBe((1013 + MAX_POLL_SHARDS - 1) % 1024);
  });
});
