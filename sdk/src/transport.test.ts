import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { json, problem, scriptedFetch } from "../test/scripted-fetch.js";
import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  RateLimitError,
  Sketchreel,
  UnprocessableEntityError,
} from "./index.js";

const BASE = "http://api.test";
const VIDEO = { id: "vid_0123456789abcdef", object: "video", status: "queued" };

describe("client retry policy and errors", () => {
  it("retries 503 after the Retry-After it was given, reusing one idempotency key", async () => {
    const { fetch, requests } = scriptedFetch([
      () => problem(503, "unavailable", {}, { "retry-after": "1" }),
      () => problem(429, "rate_limited", {}, { "retry-after-ms": "200" }),
      () => json(VIDEO, 202),
    ]);
    const client = new Sketchreel({ apiKey: "sr_test_x", baseUrl: BASE, fetch });
    const video = await client.videos.create({ prompt: "a red ball falls" });
    expect(video.id).toBe(VIDEO.id);
    expect(requests).toHaveLength(3);
    const keys = requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^sdk_[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
    expect(requests.map((r) => r.body)).toEqual(Array(3).fill(JSON.stringify({ prompt: "a red ball falls" })));
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(990);
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(195);
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer sr_test_x");
  });

  it("uses a caller's idempotency key and a fresh one per create call otherwise", async () => {
    const { fetch, requests } = scriptedFetch([() => json(VIDEO, 202), () => json(VIDEO, 202), () => json(VIDEO, 202)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    await client.videos.create({ prompt: "a" }, { idempotencyKey: "order-42" });
    await client.videos.create({ prompt: "a" });
    await client.videos.create({ prompt: "a" });
    const [mine, first, second] = requests.map((r) => r.headers.get("idempotency-key"));
    expect(mine).toBe("order-42");
    expect(first).not.toBe(second);
  });

  it("gives up after maxRetries and throws the typed error with request id and code", async () => {
    const { fetch, requests } = scriptedFetch(Array(3).fill(() => problem(500, "internal_error")));
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch, maxRetries: 1 });
    const error = await client.videos.get("vid_0123456789abcdef").catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: "internal_error", requestId: "req_test" });
    expect(requests).toHaveLength(2);
  });

  it("does not retry a 429 whose Retry-After is longer than a minute (daily budget)", async () => {
    const { fetch, requests } = scriptedFetch([() => problem(429, "budget_exhausted", {}, { "retry-after": "7200" })]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const error = await client.videos.create({ prompt: "a" }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(7200);
    expect(requests).toHaveLength(1);
  });

  it("does not retry a 409 that fails the same way every time, but one that says when to retry", async () => {
    const { fetch, requests } = scriptedFetch([
      () => problem(409, "conflict"),
      () => problem(409, "conflict", {}, { "retry-after": "0" }),
      () => json(VIDEO),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const conflict = await client.videos.delete(VIDEO.id).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(requests).toHaveLength(1);
    expect((await client.videos.cancel(VIDEO.id)).id).toBe(VIDEO.id);
    expect(requests).toHaveLength(3);
  });

  it("does not retry 4xx answers; 422 carries the field errors", async () => {
    const errors = [{ field: "width", rule: "multiple_of", message: "width must be a multiple of 16 (got 500)" }];
    const { fetch, requests } = scriptedFetch([
      () => problem(422, "validation_failed", { errors }),
      () => problem(401, "unauthorized"),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const invalid = await client.videos.create({ prompt: "a", width: 500 }).catch((e) => e);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid.errors).toEqual(errors);
    expect(await client.usage.get().catch((e) => e)).toBeInstanceOf(AuthenticationError);
    expect(requests).toHaveLength(2);
  });

  it("retries a timed-out attempt, then throws APITimeoutError", async () => {
    const never = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason)),
      );
    const { fetch, requests } = scriptedFetch([never, never]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch, timeout: 50, maxRetries: 1 });
    await expect(client.templates.list()).rejects.toBeInstanceOf(APITimeoutError);
    expect(requests).toHaveLength(2);
  });

  it("maps a refused connection to APIConnectionError", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = new Sketchreel({ apiKey: "k", baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    await expect(client.templates.list()).rejects.toBeInstanceOf(APIConnectionError);
  });

  it("stops waiting between retries when the caller aborts", async () => {
    const { fetch } = scriptedFetch([() => problem(503, "unavailable", {}, { "retry-after": "30" })]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const controller = new AbortController();
    const pending = client.usage.get({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 20);
    await expect(pending).rejects.toThrow("user gave up");
  });

  it("rejects bad options early", () => {
    expect(() => new Sketchreel({ apiKey: "", baseUrl: BASE })).toThrow(/apiKey/);
    expect(() => new Sketchreel({ apiKey: "k", baseUrl: "api.test" })).toThrow(/baseUrl/);
    expect(() => new Sketchreel({ apiKey: "k", baseUrl: BASE, maxRetries: -1 })).toThrow(/maxRetries/);
  });
});

describe("pagination", () => {
  it("awaits to one page and iterates every item across pages, fetching lazily", async () => {
    const page = (ids: string[], next: string | null) =>
      json({ object: "list", data: ids.map((id) => ({ id })), has_more: next !== null, next_cursor: next });
    const { fetch, requests } = scriptedFetch([
      () => page(["a", "b"], "c1"),
      () => page(["a", "b"], "c1"),
      () => page(["c"], "c2"),
      () => page([], null),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const first = await client.videos.list({ limit: 2, status: "succeeded" });
    expect(first.data.map((v) => v.id)).toEqual(["a", "b"]);
    expect(requests).toHaveLength(1);
    const ids: string[] = [];
    for await (const video of client.videos.list({ limit: 2 })) ids.push(video.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      "?limit=2&status=succeeded",
      "?limit=2",
      "?limit=2&cursor=c1",
      "?limit=2&cursor=c2",
    ]);
  });
});
