import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, type RetryPolicy, withRetry } from "./backoff.js";

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

describe("backoffDelay", () => {
  it("grows exponentially up to the cap, scaled by jitter", () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, { retryable: true }, top))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(3, policy, { retryable: true }, () => 0.5)).toBe(200);
    expect(backoffDelay(3, policy, { retryable: true }, () => 0)).toBe(0);
  });

  it("obeys Retry-After instead, clamped to the policy's maximum", () => {
    expect(backoffDelay(1, policy, { retryable: true, retryAfterMs: 2_000 })).toBe(2_000);
    expect(backoffDelay(1, policy, { retryable: true, retryAfterMs: 60_000 })).toBe(5_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter("Wed, 25 Nov 2026 15:00:10 GMT", Date.parse("2026-11-25T15:00:00Z"))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("withRetry", () => {
  const noSleep = { sleep: async () => {}, random: () => 1 };

  it("retries retryable failures and returns the first success", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Error("flaky");
        return "ok";
      },
      policy,
      () => ({ retryable: true }),
      { ...noSleep, onRetry: ({ delayMs }) => waits.push(delayMs) },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([100, 200]);
  });

  it("stops after maxAttempts and throws the last error", async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new Error(`fail ${calls}`);
      },
      policy,
      () => ({ retryable: true }),
      noSleep,
    );
    await expect(run).rejects.toThrow("fail 4");
    expect(calls).toBe(4);
  });

  it("does not retry what the classifier calls permanent", async () => {
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new Error("forbidden");
      },
      policy,
      () => ({ retryable: false }),
      noSleep,
    );
    await expect(run).rejects.toThrow("forbidden");
    expect(calls).toBe(1);
  });

  it("an abort during the wait ends the retries", async () => {
    const controller = new AbortController();
    const run = withRetry(
      async () => {
        controller.abort(new Error("shutting down"));
        throw new Error("flaky");
      },
      { ...policy, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      () => ({ retryable: true }),
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow("flaky");
  });
});
