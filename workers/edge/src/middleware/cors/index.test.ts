import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { apiCors } from "./index.js";

describe("apiCors", () => {
  const app = new Hono();
  app.use("*", apiCors({ maxAgeS: 60 }));
  app.get("/v1/x", (c) => c.json({ ok: true }));

  it("answers preflights without credentials, allowing the API's headers", async () => {
    const res = await app.request("/v1/x", {
      method: "OPTIONS",
      headers: {
        origin: "null",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,idempotency-key,prefer",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("prefer");
    expect(res.headers.get("access-control-max-age")).toBe("60");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("exposes the request id and rate-limit headers to scripts", async () => {
    const res = await app.request("/v1/x", { headers: { origin: "https://www.figma.com" } });
    const exposed = res.headers.get("access-control-expose-headers") ?? "";
    for (const name of [
      "X-Request-Id",
      "Retry-After",
      "RateLimit",
      "RateLimit-Policy",
      "Preference-Applied",
      "X-Cache",
    ])
      expect(exposed.split(/\s*,\s*/)).toContain(name);
  });

  it("validates options early", () => {
    expect(() => apiCors({ maxAgeS: -1 })).toThrow(/maxAgeS/);
  });
});
