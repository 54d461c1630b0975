import { describe, expect, it } from "vitest";
import { formatRateLimitHeaders, parseRateLimitField, sfString } from "./headers.js";

describe("formatRateLimitHeaders", () => {
  it("writes the draft's fields: a named policy with q and w, its state with r and t", () => {
    // draft-ietf-httpapi-ratelimit-headers-09, §3 and §4 examples: `"default";q=100;w=10`, `"default";r=50;t=30`.
    expect(formatRateLimitHeaders({ policy: "default", quota: 100, windowS: 10, remaining: 50, resetS: 30 })).toEqual({
      "RateLimit-Policy": '"default";q=100;w=10',
      RateLimit: '"default";r=50;t=30',
    });
  });

  it("escapes the policy name as a Structured Field String and refuses what no field can carry", () => {
    expect(sfString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(() => sfString("naïve")).toThrow(/Structured Field String/);
    const state = { policy: "p", quota: 1, windowS: 60, remaining: 0, resetS: 1 };
    expect(() => formatRateLimitHeaders({ ...state, remaining: -1 })).toThrow(/Integer/);
    expect(() => formatRateLimitHeaders({ ...state, quota: 1.5 })).toThrow(/Integer/);
  });
});

describe("parseRateLimitField", () => {
  it("reads back what it wrote, and the first item of a list", () => {
    expect(parseRateLimitField('"per-key";r=49;t=31')).toEqual({ policy: "per-key", params: { r: 49, t: 31 } });
    expect(parseRateLimitField('"burst";q=100;w=60, "daily";q=1000;w=86400')).toEqual({
      policy: "burst",
      params: { q: 100, w: 60 },
    });
    expect(parseRateLimitField('"a \\"b\\"";r=0')).toEqual({ policy: 'a "b"', params: { r: 0 } });
  });

  it("answers null for what it cannot read (draft-06 values, garbage, nothing)", () => {
    expect(parseRateLimitField('50;w=60;name="per-key"')).toBeNull();
    expect(parseRateLimitField("49")).toBeNull();
    expect(parseRateLimitField(null)).toBeNull();
  });
});
