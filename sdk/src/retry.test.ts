import { describe, expect, it } from "vitest";
import { backoffMs, isRetryableStatus, RETRY_DEFAULTS, retryAfterMs, retryDelayMs } from "./retry.js";

describe("retry policy", () => {
  it("retries 408, 429 and 5xx; a 409 only when it says when to retry", () => {
    const statuses = [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504];
    expect(statuses.filter((status) => isRetryableStatus(status, new Headers()))).toEqual([
      408, 429, 500, 502, 503, 504,
    ]);
    expect(isRetryableStatus(409, new Headers({ "retry-after": "1" }))).toBe(true);
    expect(isRetryableStatus(409, new Headers({ "retry-after-ms": "100" }))).toBe(true);
  });

  it("reads Retry-After as seconds, as an HTTP date, and retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 25 Nov 2026 12:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it("backs off exponentially with at most 25 % jitter, capped", () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(2, () => 1)).toBe(1500);
    expect(backoffMs(10, () => 0)).toBe(RETRY_DEFAULTS.maxDelayMs);
  });

  it("waits what the server asks, but gives up when it asks for more than a minute", () => {
    expect(retryDelayMs(0, new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryDelayMs(0, new Headers({ "retry-after": "3600" }))).toBeUndefined();
    const computed = retryDelayMs(1, new Headers());
    expect(computed).toBeGreaterThanOrEqual(750);
    expect(computed).toBeLessThanOrEqual(1000);
  });
});
