import { describe, expect, it } from "vitest";
import { parseShardCounts } from "./config.js";
import { DEFAULT_TIER_LIMITS, resolveTierLimits } from "./tiers.js";

describe("tier limits", () => {
  it("keeps videos 30 days on every tier unless TIER_LIMITS says otherwise", () => {
    for (const limits of Object.values(DEFAULT_TIER_LIMITS)) expect(limits.retention_days).toBe(30);
    const tiers = resolveTierLimits(JSON.stringify({ pro: { retention_days: 90 }, free: { requests_per_minute: 5 } }));
    expect(tiers.pro.retention_days).toBe(90);
    expect(tiers.free).toMatchObject({ requests_per_minute: 5, retention_days: 30 });
  });

  it.each([0, -1, 1.5, 3651, "30"])("refuses retention_days = %j", (days) => {
    expect(() => resolveTierLimits(JSON.stringify({ free: { retention_days: days } }))).toThrow(
      /TIER_LIMITS.free.retention_days must be an integer from 1 to 3650/,
    );
  });
});

describe("QUEUE_SHARDS", () => {
  it("is one count, or the counts it grew through (the last is current)", () => {
    expect(parseShardCounts(undefined)).toEqual([4]);
    expect(parseShardCounts("")).toEqual([4]);
    expect(parseShardCounts("1")).toEqual([1]);
    expect(parseShardCounts(" 4, 16 ")).toEqual([4, 16]);
  });

  it.each(["0", "two", "16,4", "4,4", "3845", "4,,8"])("refuses %j (shards are only ever added)", (raw) => {
    expect(() => parseShardCounts(raw)).toThrow(/QUEUE_SHARDS must be a shard count from 1 to 3844/);
  });
});
