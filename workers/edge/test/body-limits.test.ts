import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN, BASE, createKey, RUNNER } from "./helpers.js";

/** A chunked body that never ends; `pulled` counts the bytes the edge asked for. */
function endless() {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode(`{"prompt":"${"a".repeat(4090)}`);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, counter };
}

async function post(path: string, headers: Record<string, string>) {
  const { body, counter } = endless();
  const started = Date.now();
  const res = await exports.default.fetch(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      // @ts-expect-error -- duplex is required for streamed request bodies
      duplex: "half",
    }),
  );
  await res.body?.cancel();
  return { status: res.status, ms: Date.now() - started, pulled: counter.pulled };
}

describe("request bodies", () => {
  it("answers an endless unauthenticated body 401 without reading it", async () => {
    await exports.default.fetch(`${BASE}/openapi.json`); // warm the isolate: the timing below is the edge's
    for (const [path, headers] of [
      ["/v1/videos", {}],
      ["/v1/videos", { authorization: "Bearer sr_live_nope" }],
      ["/internal/runners/lease", {}],
      ["/admin/v1/keys", { authorization: "Bearer wrong" }],
    ] as const) {
      const answer = await post(path, headers);
      expect(answer.status, path).toBe(401);
      expect(answer.ms, path).toBeLessThan(2_000);
      // Only the stream's own first pull (one 4 KiB chunk): the edge never asked for a byte.
      expect(answer.pulled, path).toBeLessThanOrEqual(2 * 4101);
    }
  });

  it("answers an endless authenticated body 413 once it passes 64 KiB", async () => {
    const key = await createKey();
    for (const [path, headers] of [
      ["/v1/videos", key.auth],
      ["/v1/prompts/lint", key.auth],
      ["/internal/runners/lease", RUNNER],
      ["/admin/v1/keys", ADMIN],
    ] as const) {
      const answer = await post(path, headers);
      expect(answer.status, path).toBe(413);
      expect(answer.ms, path).toBeLessThan(2_000);
      expect(answer.pulled, path).toBeLessThanOrEqual(64 * 1024 + 64 * 1024);
    }
  });
});
