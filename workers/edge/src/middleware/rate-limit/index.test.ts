import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { KeyStore } from "../../keys/key-store.js";
import { apiKeyAuth } from "../api-key-auth/index.js";
import { appWith } from "../test-app.js";
import { parseRateLimitField } from "./headers.js";
import { rateLimit } from "./index.js";

describe("rateLimit", () => {
  it("counts down the RateLimit field's r and answers 429 with Retry-After once the bucket is empty", async () => {
    const app = appWith(apiKeyAuth({ scopeFor: () => "videos:read" }), rateLimit({ policyName: "unit" }));
    const { secret } = await new KeyStore(env.KEYS).create({
      tenant_id: "rl",
      scopes: ["videos:read"],
      tier: "free",
      environment: "live",
    });
    const headers = { authorization: `Bearer ${secret}` };
    const remaining: (number | undefined)[] = [];
    for (let i = 0; i < 50; i++)
      remaining.push(parseRateLimitField((await app.request("/", { headers })).headers.get("ratelimit"))?.params.r);
    expect(remaining.slice(0, 3)).toEqual([49, 48, 47]);
    expect(remaining.at(-1)).toBe(0);
    const limited = await app.request("/", { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-policy")).toBe('"unit";q=50;w=60');
    expect(limited.headers.get("ratelimit")).toMatch(/^"unit";r=0;t=\d+$/);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(parseRateLimitField(limited.headers.get("ratelimit"))?.params.t).toBe(retryAfter);
  });

  it("validates its policy name early", () => {
    expect(() => rateLimit({ policyName: "per-clé" })).toThrow(/Structured Field String/);
  });

  it("refills the bucket a minute after its first use", async () => {
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName("refill-test"));
    const t0 = 1_000_000;
    expect((await stub.take(2, t0)).allowed).toBe(true);
    expect((await stub.take(2, t0 + 10)).allowed).toBe(true);
    expect(await stub.take(2, t0 + 20)).toMatchObject({ allowed: false, retryAfterS: 60 });
    expect(await stub.take(2, t0 + 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
