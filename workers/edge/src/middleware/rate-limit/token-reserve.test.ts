import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_RESERVE_SHARE, spendToken } from "./token-reserve.js";

let keys = 0;
/** The key's real RateLimiter Durable Object, counting the calls this isolate makes to it. */
function bucketFor(name: string) {
  const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(name));
  const calls = { n: 0 };
  const bucket = () => ({
    reserve: (limit: number, want: number) => {
      calls.n++;
      return stub.reserve(limit, want);
    },
  });
  return { stub, calls, bucket };
}

/** Run deferred top-ups now, as `waitUntil` would after the response. */
const pending: Promise<unknown>[] = [];
const defer = (work: Promise<unknown>) => {
  pending.push(work);
};
const settle = () => Promise.all(pending.splice(0));

describe("per-isolate token reserve", () => {
  it("spends a hot key's tokens locally, asking the bucket about once a batch, and counts down exactly", async () => {
    const key = `reserve-${++keys}`;
    const { calls, bucket } = bucketFor(key);
    const remaining: number[] = [];
    for (let i = 0; i < 400; i++) {
      const decision = await spendToken(key, 1_000, bucket, defer);
      expect(decision.allowed).toBe(true);
      remaining.push(decision.remaining);
      await settle();
    }
    expect(remaining).toEqual(Array.from({ length: 400 }, (_, i) => 999 - i));
    // Batches grow to MAX_RESERVE_SHARE of the limit (50 here): far fewer calls than requests.
    expect(calls.n).toBeLessThan(400 / 10);
    expect(MAX_RESERVE_SHARE * 1_000).toBe(50);
  });

  it("never admits more than the limit, even with another isolate taking from the same bucket", async () => {
    const key = `reserve-${++keys}`;
    const { stub, bucket } = bucketFor(key);
    let admitted = 0;
    let other = 0;
    for (let i = 0; i < 80; i++) {
      if ((await spendToken(key, 100, bucket, defer)).allowed) admitted++;
      await settle();
      other += (await stub.reserve(100, 1)).granted; // "another isolate" spends one per request too
    }
    expect(admitted + other).toBeLessThanOrEqual(100);
    // Refused early by at most what this isolate still holds unspent: one reserve, ≤ 5 % of the limit.
    expect(admitted + other).toBeGreaterThanOrEqual(100 - MAX_RESERVE_SHARE * 100);
  });

  it("answers 429 locally once the bucket said it is empty, until the window resets", async () => {
    const key = `reserve-${++keys}`;
    const { calls, bucket } = bucketFor(key);
    const results: boolean[] = [];
    for (let i = 0; i < 30; i++) {
      results.push((await spendToken(key, 20, bucket, defer)).allowed);
      await settle();
    }
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results.slice(20).every((a) => !a)).toBe(true);
    const asked = calls.n;
    const limited = await spendToken(key, 20, bucket, defer);
    expect(limited).toMatchObject({ allowed: false, remaining: 0 });
    expect(limited.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfterS).toBeLessThanOrEqual(60);
    expect(calls.n).toBe(asked);
  });
});
