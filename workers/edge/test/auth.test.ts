import { describe, expect, it } from "vitest";
import { ADMIN, call, createKey, json, RUNNER } from "./helpers.js";

type ProblemBody = { code: string; status: number; request_id: string; detail: string; type: string };

describe("API key auth", () => {
  it("answers 401 problem+json with WWW-Authenticate when the key is missing or wrong", async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: "Bearer sr_live_notarealkeynotarealkey00" },
      { authorization: "Basic abc" },
    ];
    for (const headers of cases) {
      const res = await call("/v1/videos", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="sketchreel"/);
      const body = (await res.json()) as ProblemBody;
      expect(body).toMatchObject({
        code: "unauthorized",
        status: 401,
        type: "https://sketchreel.dev/problems/unauthorized",
      });
      expect(body.request_id).toBe(res.headers.get("x-request-id"));
    }
  });

  it("issues high-entropy keys shown once, stores only hashes, and revokes them", async () => {
    const key = await createKey({ tier: "pro" });
    expect(key.key).toMatch(/^sr_live_[A-Za-z0-9]{40}$/);
    expect((await call("/v1/templates", { headers: key.auth })).status).toBe(200);

    const revoked = await call(`/admin/v1/keys/${key.id}`, { method: "DELETE", headers: ADMIN });
    expect(revoked.status).toBe(200);
    const body = (await revoked.json()) as Record<string, unknown>;
    expect(body.revoked_at).toEqual(expect.any(String));
    expect(body).not.toHaveProperty("key");
    expect(body).not.toHaveProperty("hash");

    const after = await call("/v1/templates", { headers: key.auth });
    expect(after.status).toBe(401);
    expect(((await after.json()) as ProblemBody).detail).toContain("revoked");
  });

  it("creates test-environment keys and 404s an unknown key id", async () => {
    const res = await json("POST", "/admin/v1/keys", { tenant_id: "acme", environment: "test" }, ADMIN);
    expect(((await res.json()) as { key: string }).key).toMatch(/^sr_test_/);
    const missing = await call("/admin/v1/keys/key_doesnotexist00", { method: "DELETE", headers: ADMIN });
    expect(missing.status).toBe(404);
  });

  it("answers 403 when the key lacks the scope", async () => {
    const readOnly = await createKey({ scopes: ["videos:read"] });
    const res = await json(
      "POST",
      "/v1/videos",
      { prompt: "a red ball falls from the top to the bottom" },
      readOnly.auth,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ProblemBody).code).toBe("forbidden");
    expect((await call("/v1/videos", { headers: readOnly.auth })).status).toBe(200);
  });

  it("guards admin and runner routes with their own tokens", async () => {
    const noAdmin = await json("POST", "/admin/v1/keys", { tenant_id: "x" }, RUNNER);
    expect(noAdmin.status).toBe(401);
    expect(noAdmin.headers.get("www-authenticate")).toContain('realm="admin"');
    const noRunner = await json(
      "POST",
      "/internal/runners/lease",
      { runner_id: "r", models: ["shape-world-tiny"], wait_ms: 0 },
      ADMIN,
    );
    expect(noRunner.status).toBe(401);
    expect(noRunner.headers.get("www-authenticate")).toContain('realm="runners"');
    const key = await createKey();
    const withApiKey = await json(
      "POST",
      "/internal/runners/lease",
      { runner_id: "r", models: ["shape-world-tiny"] },
      key.auth,
    );
    expect(withApiKey.status).toBe(401);
  });

  it("validates key creation with field errors", async () => {
    const res = await json("POST", "/admin/v1/keys", { tenant_id: "Bad Tenant!", tier: "gold" }, ADMIN);
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["tenant_id", "tier"]));
  });
});
