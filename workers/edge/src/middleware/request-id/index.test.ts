import { describe, expect, it } from "vitest";
import { appWith } from "../test-app.js";
import { requestId } from "./index.js";

describe("requestId", () => {
  it("mints an id when the client sends none and echoes it", async () => {
    const res = await appWith().request("/");
    expect(res.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]{24}$/);
  });

  it("keeps a sane client id and replaces a hostile one", async () => {
    const app = appWith();
    expect((await app.request("/", { headers: { "x-request-id": "abc-123" } })).headers.get("x-request-id")).toBe(
      "abc-123",
    );
    const hostile = await app.request("/", { headers: { "x-request-id": "<script>" } });
    expect(hostile.headers.get("x-request-id")).toMatch(/^req_/);
    const long = await app.request("/", { headers: { "x-request-id": "a".repeat(500) } });
    expect(long.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("validates options early", () => {
    expect(() => requestId({ limitLength: 2 })).toThrow(/limitLength/);
  });
});
