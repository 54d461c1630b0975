import { describe, expect, it } from "vitest";
import { appWith } from "../test-app.js";
import { bodyLimit } from "./index.js";

describe("bodyLimit", () => {
  const app = appWith(bodyLimit({ maxBytes: 10 }));

  it("passes bodies within the limit and GETs", async () => {
    expect((await app.request("/", { method: "POST", body: "0123456789" })).status).toBe(200);
    expect((await app.request("/")).status).toBe(200);
  });

  it("refuses larger bodies with 413 problem+json naming the sizes", async () => {
    const res = await app.request("/", { method: "POST", body: "01234567890" });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      code: "payload_too_large",
      detail: expect.stringContaining("limit is 10 bytes"),
    });
  });

  it("measures chunked bodies without Content-Length", async () => {
    const res = await app.request("/", {
      method: "POST",
      body: new Blob(["x".repeat(50)]).stream(),
      // @ts-expect-error -- duplex is required for streamed request bodies
      duplex: "half",
    });
    expect(res.status).toBe(413);
  });

  it("validates options early", () => {
    expect(() => bodyLimit({ maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
