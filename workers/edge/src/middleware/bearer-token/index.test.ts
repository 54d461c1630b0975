import { describe, expect, it } from "vitest";
import { appWith } from "../test-app.js";
import { bearerToken } from "./index.js";

describe("bearerToken", () => {
  const app = appWith(bearerToken({ realm: "runners", token: (env) => env.RUNNER_TOKEN }));
  const withAuth = (authorization: string) => app.request("/", { headers: { authorization } });

  it("admits the right token, the scheme in any case", async () => {
    expect((await withAuth("Bearer test-runner-token")).status).toBe(200);
    expect((await withAuth("bearer test-runner-token ")).status).toBe(200);
  });

  it("answers 401 problem+json with a challenge for a missing or wrong token", async () => {
    const missing = await app.request("/");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="runners"');
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(await missing.json()).toMatchObject({ code: "unauthorized", detail: expect.stringContaining("Bearer") });
    const wrong = await withAuth("Bearer test-runner-tokeN");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="runners", error="invalid_token"');
    expect(((await wrong.json()) as { request_id: string }).request_id).toBe(wrong.headers.get("x-request-id"));
  });

  it("reads the header strictly: another scheme or a token with spaces is refused", async () => {
    for (const header of ["Bearer a b", "Basic dGVzdC1ydW5uZXItdG9rZW4=", "test-runner-token"]) {
      const res = await withAuth(header);
      expect(res.status, header).toBe(401);
      expect(res.headers.get("www-authenticate"), header).toContain('error="invalid_request"');
    }
  });

  it("refuses everything when the secret is not configured", async () => {
    const unset = appWith(bearerToken({ realm: "x", token: () => "" }));
    expect((await unset.request("/", { headers: { authorization: "Bearer " } })).status).toBe(401);
    expect((await unset.request("/", { headers: { authorization: "Bearer anything" } })).status).toBe(401);
  });

  it("validates options early", () => {
    expect(() => bearerToken({ realm: "", token: () => "" })).toThrow(/realm/);
    expect(() => bearerToken({ realm: 'a"b', token: () => "" })).toThrow(/realm/);
  });
});
