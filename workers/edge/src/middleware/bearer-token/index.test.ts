import { describe, expect, it } from "vitest";
import { appWith } from "../test-app.js";
import { bearerToken, parseBearer } from "./index.js";

describe("bearerToken", () => {
  const app = appWith(bearerToken({ realm: "runners", token: (env) => env.RUNNER_TOKEN }));

  it("admits the right token", async () => {
    expect((await app.request("/", { headers: { authorization: "Bearer test-runner-token" } })).status).toBe(200);
  });

  it("answers 401 with a challenge for a missing or wrong token", async () => {
    const missing = await app.request("/");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="runners"');
    const wrong = await app.request("/", { headers: { authorization: "Bearer test-runner-tokeN" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses everything when the secret is not configured", async () => {
    const unset = appWith(bearerToken({ realm: "x", token: () => "" }));
    expect((await unset.request("/", { headers: { authorization: "Bearer " } })).status).toBe(401);
    expect((await unset.request("/", { headers: { authorization: "Bearer anything" } })).status).toBe(401);
  });

  it("parses bearer headers strictly", () => {
    expect(parseBearer("Bearer abc")).toBe("abc");
    expect(parseBearer("bearer abc ")).toBe("abc");
    expect(parseBearer("Bearer a b")).toBeNull();
    expect(parseBearer("Basic abc")).toBeNull();
    expect(() => bearerToken({ realm: "", token: () => "" })).toThrow(/realm/);
  });
});
