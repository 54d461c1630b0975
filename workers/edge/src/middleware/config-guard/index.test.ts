import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv, Bindings } from "../../env.js";
import { renderProblem } from "../../problem.js";
import { requestId } from "../request-id/index.js";
import { configGuard } from "./index.js";

/** The guard in front of a route, with the test bindings overridden by `vars`. */
function request(vars: Partial<Record<keyof Bindings, string>>) {
  const app = new Hono<AppEnv>();
  app.use("*", requestId(), configGuard());
  app.get("*", (c) => c.json({ ok: true }));
  app.onError((err, c) => renderProblem(c, err));
  return app.request("/v1/usage", {}, { ...(env as Bindings), ...vars });
}

describe("configGuard", () => {
  it("serves with production settings on an https public origin", async () => {
    expect((await request({ ENVIRONMENT: "production", PUBLIC_BASE_URL: "https://api.example.com" })).status).toBe(200);
  });

  it.each([
    ["an unset PUBLIC_BASE_URL", { ENVIRONMENT: "production", PUBLIC_BASE_URL: "" }, /must be set in production/],
    ["a loopback base URL", { PUBLIC_BASE_URL: "https://127.0.0.1:8787" }, /must not be a loopback host/],
    ["a localhost base URL", { PUBLIC_BASE_URL: "https://localhost" }, /must not be a loopback host/],
    ["a plain-http base URL", { PUBLIC_BASE_URL: "http://api.example.com" }, /must use https/],
    ["a private base URL", { PUBLIC_BASE_URL: "https://10.0.0.5" }, /must not be a private host/],
    ["loopback webhooks", { WEBHOOK_ALLOW_LOOPBACK: "true" }, /WEBHOOK_ALLOW_LOOPBACK must not be true/],
    ["an unknown environment", { ENVIRONMENT: "staging" }, /ENVIRONMENT must be/],
    ["a bad retry schedule", { WEBHOOK_RETRY_SCHEDULE: "0s,soon" }, /WEBHOOK_RETRY_SCHEDULE/],
    ["a frame-ancestors wildcard", { FRAME_ANCESTORS: "'self' *" }, /FRAME_ANCESTORS must be/],
  ])("refuses to serve in production with %s (503, every request)", async (_, vars, detail) => {
    const res = await request({ ENVIRONMENT: "production", ...vars });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(await res.json()).toMatchObject({ code: "unavailable", detail: expect.stringMatching(detail) });
  });

  it("treats an unset ENVIRONMENT as production", async () => {
    const res = await request({ ENVIRONMENT: "", PUBLIC_BASE_URL: "http://127.0.0.1:8787" });
    expect(res.status).toBe(503);
  });

  it("lets development run on loopback, with loopback webhooks if asked", async () => {
    const vars = {
      ENVIRONMENT: "development",
      PUBLIC_BASE_URL: "http://127.0.0.1:8787",
      WEBHOOK_ALLOW_LOOPBACK: "true",
    };
    expect((await request(vars)).status).toBe(200);
  });

  it("fails closed with wrangler.jsonc's own vars, deployed with or without --env production", async () => {
    const deployed = JSON.parse((env as unknown as { DEPLOYED_VARS: string }).DEPLOYED_VARS) as Record<
      "default" | "production",
      Record<string, string>
    >;
    for (const vars of [deployed.default, deployed.production]) {
      const res = await request(vars);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/PUBLIC_BASE_URL must be set/) });
    }
    expect((await request({ ...deployed.production, PUBLIC_BASE_URL: "https://api.example.com" })).status).toBe(200);
  });

  it("validates options early", () => {
    expect(() => configGuard({ retryAfterS: 0 })).toThrow(/retryAfterS/);
  });
});
