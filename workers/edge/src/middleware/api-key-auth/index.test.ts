import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { KeyStore } from "../../keys/key-store.js";
import { appWith } from "../test-app.js";
import { apiKeyAuth, parseBearer } from "./index.js";

const scopeFor = (method: string) => (method === "GET" ? ("videos:read" as const) : ("videos:write" as const));

describe("apiKeyAuth", () => {
  const app = appWith(apiKeyAuth({ scopeFor }));

  it("sets the principal for a valid key; KV holds only the SHA-256 of the secret", async () => {
    const store = new KeyStore(env.KEYS);
    const { record, secret } = await store.create({
      tenant_id: "acme",
      scopes: ["videos:read"],
      tier: "pro",
      environment: "live",
    });
    const res = await app.request("/", { headers: { authorization: `Bearer ${secret}` } });
    expect(await res.json()).toEqual({
      ok: true,
      principal: { keyId: record.id, tenantId: "acme", scopes: ["videos:read"], tier: "pro" },
    });
    const listed = await env.KEYS.list();
    const values = await Promise.all(listed.keys.map((k) => env.KEYS.get(k.name)));
    expect(values.join("\n")).not.toContain(secret);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(listed.keys.map((k) => k.name)).toContain(`hash:${hex}`);
  });

  it("answers 403 with insufficient_scope when the scope is missing", async () => {
    const { secret } = await new KeyStore(env.KEYS).create({
      tenant_id: "acme",
      scopes: ["videos:read"],
      tier: "free",
      environment: "test",
    });
    const res = await app.request("/", { method: "POST", headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain('scope="videos:write"');
  });

  it("answers 401 for malformed, unknown and revoked keys", async () => {
    const store = new KeyStore(env.KEYS);
    const { record, secret } = await store.create({
      tenant_id: "acme",
      scopes: ["videos:read"],
      tier: "free",
      environment: "live",
    });
    await store.revoke(record.id);
    for (const token of ["sr_live_short", `sr_live_${"x".repeat(40)}`, secret]) {
      expect((await app.request("/", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    }
  });

  it("parses bearer headers strictly", () => {
    expect(parseBearer("Bearer abc")).toBe("abc");
    expect(parseBearer("bearer abc ")).toBe("abc");
    expect(parseBearer("Bearer a b")).toBeNull();
    expect(parseBearer("Basic abc")).toBeNull();
  });
});
