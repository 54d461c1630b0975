import { describe, expect, it } from "vitest";
import { createEdgeClient } from "./edge-client.js";
import { classifyEdgeError, EdgeHttpError, LeaseLostError } from "./edge-retry-policy.js";

describe("classifyEdgeError", () => {
  it("retries 408, 429 and 5xx, honouring Retry-After", () => {
    expect(classifyEdgeError(new EdgeHttpError(429, "rate_limited", "slow down", "2"))).toEqual({
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(classifyEdgeError(new EdgeHttpError(503, undefined, "", null))).toEqual({ retryable: true });
    expect(classifyEdgeError(new EdgeHttpError(408, undefined, "", null))).toEqual({ retryable: true });
  });

  it("never retries other 4xx, least of all a lost lease", () => {
    expect(classifyEdgeError(new LeaseLostError(409, "lease_lost", "gone", null)).retryable).toBe(false);
    expect(classifyEdgeError(new EdgeHttpError(401, "unauthorized", "", null)).retryable).toBe(false);
    expect(classifyEdgeError(new EdgeHttpError(422, "validation_failed", "", null)).retryable).toBe(false);
  });

  it("retries connection failures and timeouts", () => {
    expect(classifyEdgeError(new TypeError("fetch failed")).retryable).toBe(true);
    expect(classifyEdgeError(new DOMException("timed out", "TimeoutError")).retryable).toBe(true);
    expect(classifyEdgeError(new SyntaxError("bad json")).retryable).toBe(false);
  });
});

describe("createEdgeClient", () => {
  it("retries an unreachable edge a bounded number of times, then throws", async () => {
    const attempts: number[] = [];
    const edge = createEdgeClient({
      edgeUrl: "http://127.0.0.1:9", // discard port: connection refused
      runnerToken: "t",
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 },
      onRetry: ({ attempt }) => attempts.push(attempt),
    });
    await expect(edge.lease({ runner_id: "r", models: ["m"], wait_ms: 0 })).rejects.toThrow("fetch failed");
    expect(attempts).toEqual([1, 2]);
  });
});
