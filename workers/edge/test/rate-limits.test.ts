import type { Usage } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { parseRateLimitField } from "../src/middleware/rate-limit/headers.js";
import { call, createKey, createVideo } from "./helpers.js";

// Test tiers (vitest.config.ts): free = 50 requests/minute, 3 concurrent jobs, 10 compute units a day.
// A default shape-world job is 16 frames × 20 steps × 64×64 px / 2^20 = 1.25 → 2 units.

describe("rate limits and budgets", () => {
  it("admits exactly 50 of 200 parallel requests against a limit of 50", async () => {
    const key = await createKey({ tier: "free" });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => call("/v1/templates", { headers: key.auth })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(150);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(limited?.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=[1-9]\d*$/);
    const body = (await limited?.json()) as { code: string; retry_after: number };
    expect(body.code).toBe("rate_limited");
    expect(body.retry_after).toBeGreaterThan(0);
  });

  it("puts RateLimit headers on every API response, errors included", async () => {
    const key = await createKey({ tier: "free" });
    const ok = await call("/v1/templates", { headers: key.auth });
    // draft-ietf-httpapi-ratelimit-headers: the policy (quota q per w seconds) and its state (r left, reset in t s).
    expect(ok.headers.get("ratelimit-policy")).toBe('"per-key";q=50;w=60');
    const state = parseRateLimitField(ok.headers.get("ratelimit"));
    expect(state).toMatchObject({ policy: "per-key", params: { r: 49 } });
    expect(state?.params.t).toBeGreaterThanOrEqual(1);
    expect(state?.params.t).toBeLessThanOrEqual(60);
    // The draft-06 fields are gone: one vocabulary, not two.
    for (const old of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
      expect(ok.headers.has(old)).toBe(false);
    const notFound = await call("/v1/videos/vid_0000000000000000", { headers: key.auth });
    expect(notFound.status).toBe(404);
    expect(parseRateLimitField(notFound.headers.get("ratelimit"))?.params.r).toBe(48);
  });

  it("keeps buckets per key", async () => {
    const a = await createKey({ tier: "free" });
    const b = await createKey({ tier: "free", tenant: a.tenant });
    await Promise.all(Array.from({ length: 50 }, () => call("/v1/templates", { headers: a.auth })));
    expect((await call("/v1/templates", { headers: a.auth })).status).toBe(429);
    expect((await call("/v1/templates", { headers: b.auth })).status).toBe(200);
  });

  it("caps concurrent queued+running jobs per tenant, without over-admission under concurrency", async () => {
    const key = await createKey({ tier: "free" });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createVideo(key, { seed: 1000 + i })));
    const admitted = results.filter((r) => r.res.status === 202);
    const refused = results.filter((r) => r.res.status === 429);
    expect(admitted).toHaveLength(3);
    expect(refused).toHaveLength(5);
    expect((refused[0]?.body as unknown as { code?: string } | undefined)?.code).toBe("concurrency_limited");
    expect(refused[0]?.res.headers.get("retry-after")).toBeTruthy();
    await call(`/v1/videos/${admitted[0]?.body.id}/cancel`, { method: "POST", headers: key.auth });
    expect((await createVideo(key, { seed: 2000 })).res.status).toBe(202);
  });

  it("enforces the daily compute budget and reports usage", async () => {
    const key = await createKey({ tier: "free" });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { res, body } = await createVideo(key, { seed: 3000 + i });
      statuses.push(res.status);
      if (res.status === 202) await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
      else {
        expect((body as unknown as { code: string }).code).toBe("budget_exhausted");
        const retryAfter = Number(res.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(86_400);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const usage = (await (await call("/v1/usage", { headers: key.auth })).json()) as Usage;
    expect(usage).toMatchObject({
      object: "usage",
      tenant_id: key.tenant,
      tier: "free",
      limits: { requests_per_minute: 50, max_concurrent_jobs: 3, daily_compute_units: 10 },
      usage: { compute_units: 10, videos_created: 5, active_jobs: 0 },
    });
    expect(usage.queue.depth).toEqual(expect.any(Number));
  });

  it("does not charge cache hits or single-flight attachments", async () => {
    const key = await createKey({ tier: "free" });
    const results = await Promise.all(Array.from({ length: 6 }, () => createVideo(key, { seed: 4242 })));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const usage = (await (await call("/v1/usage", { headers: key.auth })).json()) as Usage;
    expect(usage.usage).toMatchObject({ compute_units: 2, videos_created: 1, active_jobs: 1 });
  });
});
