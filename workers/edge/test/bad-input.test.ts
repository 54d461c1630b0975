import { describe, expect, it } from "vitest";
import { ADMIN, call, createKey, RUNNER } from "./helpers.js";

describe("bad input never yields a 5xx", () => {
  it("answers every malformed request with a 4xx problem+json", async () => {
    const key = await createKey();
    const jsonHeaders = { "content-type": "application/json" };
    const cases: [string, string, RequestInit][] = [
      ["POST", "/v1/videos", { headers: { ...key.auth, ...jsonHeaders }, body: "null" }],
      ["POST", "/v1/videos", { headers: { ...key.auth, ...jsonHeaders }, body: "[1,2]" }],
      ["POST", "/v1/videos", { headers: { ...key.auth, ...jsonHeaders }, body: '"a string"' }],
      ["POST", "/v1/videos", { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":"a\\u0000b"}' }],
      [
        "POST",
        "/v1/videos",
        { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":"x","template":{"id":"drop-in"}}' },
      ],
      ["POST", "/v1/videos", { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":"x","seed":-1,"fps":1e9}' }],
      [
        "POST",
        "/v1/videos",
        { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":"x","outputs":["mp4","mp4"]}' },
      ],
      [
        "POST",
        "/v1/videos",
        {
          headers: { ...key.auth, ...jsonHeaders },
          body: '{"template":{"id":"drop-in","variables":{"constructor":"x"}}}',
        },
      ],
      [
        "POST",
        "/v1/videos",
        { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":"x","webhook_url":"javascript:alert(1)"}' },
      ],
      [
        "POST",
        "/v1/videos",
        { headers: { ...key.auth, ...jsonHeaders, "idempotency-key": "k".repeat(300) }, body: '{"prompt":"x"}' },
      ],
      ["GET", "/v1/videos?limit=abc&status=done", { headers: key.auth }],
      ["GET", "/v1/videos/%00", { headers: key.auth }],
      ["GET", "/v1/videos/vid_0000000000000000/content?variant=", { headers: key.auth }],
      ["POST", "/v1/prompts/lint", { headers: { ...key.auth, ...jsonHeaders }, body: '{"prompt":""}' }],
      [
        "POST",
        "/internal/runners/lease",
        { headers: { ...RUNNER, ...jsonHeaders }, body: '{"models":[],"wait_ms":99999}' },
      ],
      [
        "POST",
        "/internal/jobs/vid_0000000000000000/complete",
        { headers: { ...RUNNER, ...jsonHeaders }, body: '{"lease_id":"lse_12345678","seed":1,"outputs":[]}' },
      ],
      [
        "POST",
        "/admin/v1/keys",
        { headers: { ...ADMIN, ...jsonHeaders }, body: '{"tenant_id":"a","scopes":["root"]}' },
      ],
      ["DELETE", "/admin/v1/keys/not-a-key", { headers: ADMIN }],
      ["GET", "/oembed", {}],
      ["GET", "/oembed?url=https://edge.test/embed/shr_0000000000000000&maxwidth=-5", {}],
      ["PUT", "/v1/videos", { headers: key.auth }],
    ];
    for (const [method, path, init] of cases) {
      const res = await call(path, { ...init, method });
      expect(res.status, `${method} ${path} ${String(init.body ?? "")}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path} ${String(init.body ?? "")}`).toBeLessThan(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
