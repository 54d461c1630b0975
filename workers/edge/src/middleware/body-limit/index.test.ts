import { describe, expect, it } from "vitest";
import { appWith } from "../test-app.js";
import { bodyLimit } from "./index.js";

/** A chunked body that never ends; `pulled` counts the bytes the server asked for. */
function endlessBody(chunkBytes = 1024) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(120);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const streamed = (body: ReadableStream) => ({ method: "POST", body, duplex: "half" }) as RequestInit;

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
    const res = await app.request("/", streamed(new Blob(["x".repeat(50)]).stream()));
    expect(res.status).toBe(413);
  });

  it("stops reading an endless chunked body at the limit", async () => {
    const big = appWith(bodyLimit({ maxBytes: 64 * 1024 }));
    const { stream, counter } = endlessBody();
    const started = Date.now();
    const res = await big.request("/", streamed(stream));
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2_000);
    // At most the limit plus the stream's look-ahead, never the whole (endless) body.
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024 + 8 * 1024);
  });

  it("validates options early", () => {
    expect(() => bodyLimit({ maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
