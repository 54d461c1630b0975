import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import shipped from "@sketchreel/models/shape-world-tiny/model_index.json";
import {
  AuthenticationError,
  type FetchLike,
  NotFoundError,
  PromptOutOfVocabularyError,
  RateLimitError,
  Sketchreel,
  UnprocessableEntityError,
  type Video,
  verifyWebhook,
} from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { media } from "../support/media.js";
import { type ClientStack, startClientStack } from "../support/stack.js";

const PROMPT = "A yellow ball rolls from the left edge to the center while a blue cube stays on the right";

let stack: ClientStack;
let client: Sketchreel;
const webhooks: { body: string; headers: IncomingHttpHeaders }[] = [];
const webhookServer = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    webhooks.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  // development + explicit loopback opt-in: the edge's SSRF guard then lets webhooks reach 127.0.0.1.
  stack = await startClientStack({ edgeVars: { ENVIRONMENT: "development", WEBHOOK_ALLOW_LOOPBACK: "true" } });
  client = new Sketchreel({ apiKey: await stack.edge.createKey(), baseUrl: stack.edge.url });
  await new Promise<void>((resolve) => webhookServer.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  webhookServer.close();
  await stack?.stop();
});

/** A fetch that records each attempt's status and time, around the real global fetch. */
function recordingFetch() {
  const attempts: { status: number; at: number; idempotencyKey: string | null }[] = [];
  const fetch: FetchLike = async (request) => {
    const response = await globalThis.fetch(request);
    attempts.push({
      status: response.status,
      at: performance.now(),
      idempotencyKey: request.headers.get("idempotency-key"),
    });
    return response;
  };
  return { fetch, attempts };
}

describe("SDK against the real edge (workerd) and a lease-protocol runner", () => {
  it("createAndWait: create → progress → succeeded, and the GIF downloads byte for byte", async () => {
    const seen: { status: string; percent: number }[] = [];
    const video = await client.videos.createAndWait(
      { prompt: PROMPT, seed: 11, num_inference_steps: 8 },
      { onProgress: (progress, v) => seen.push({ status: v.status, percent: progress.percent }), timeout: 30_000 },
    );
    expect(video.status).toBe("succeeded");
    expect(video.params.seed).toBe(11);
    expect(seen[0]?.status).toBe("queued");
    expect(seen.at(-1)).toEqual({ status: "succeeded", percent: 100 });
    expect(seen.filter((s) => s.status === "running").length).toBeGreaterThan(1);
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const gif = await client.videos.content(video.id, { variant: "gif" });
    expect(gif.headers.get("content-type")).toBe("image/gif");
    expect(new Uint8Array(await gif.arrayBuffer())).toEqual(media().gif.bytes);
  });

  it("serves a repeated seeded request from the cache", async () => {
    const params = { prompt: PROMPT, seed: 12, num_inference_steps: 4 };
    const first = await client.videos.createAndWait(params, { timeout: 30_000 });
    const again = await client.videos.create(params);
    expect(again).toMatchObject({ id: first.id, status: "succeeded", cached: true });
  });

  it("events(): an async iterator that ends with the terminal event", async () => {
    const queued = await client.videos.create({ prompt: PROMPT, num_inference_steps: 5 });
    const types: string[] = [];
    for await (const event of client.videos.events(queued.id)) types.push(event.type);
    expect(types.at(-1)).toBe("video.succeeded");
    expect(types).toContain("video.progress");
  });

  it("lists with cursor pagination, and deletes", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++)
      ids.add((await client.videos.createAndWait({ prompt: PROMPT, seed: 100 + i, num_inference_steps: 2 })).id);
    const firstPage = await client.videos.list({ limit: 2 });
    expect(firstPage.data).toHaveLength(2);
    expect(firstPage.has_more).toBe(true);
    const all: Video[] = [];
    for await (const video of client.videos.list({ limit: 2 })) all.push(video);
    expect(new Set(all.map((v) => v.id)).size).toBe(all.length);
    for (const id of ids) expect(all.map((v) => v.id)).toContain(id);
    const [victim] = ids;
    await client.videos.delete(victim!);
    await expect(client.videos.get(victim!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cancels a video: it ends canceled, and createAndWait-style waiting reports that", async () => {
    const queued = await client.videos.create({ prompt: PROMPT, num_inference_steps: 60 });
    const canceled = await client.videos.cancel(queued.id);
    expect(canceled.id).toBe(queued.id);
    const types: string[] = [];
    for await (const event of client.videos.events(queued.id)) types.push(event.type);
    expect(types.at(-1)).toBe("video.canceled");
    expect((await client.videos.get(queued.id)).status).toBe("canceled");
  });

  it("reads templates, lints prompts and reports usage", async () => {
    const { data: templates } = await client.templates.list();
    expect(templates.length).toBeGreaterThan(0);
    const first = await client.templates.get(templates[0]!.id);
    expect(first).toEqual(templates[0]);
    const lint = await client.prompts.lint({ prompt: "a red ball near a green square" });
    expect(lint.issues.map((i) => i.code)).toContain("vague_spatial_word");
    const usage = await client.usage.get();
    expect(usage.usage.videos_created).toBeGreaterThan(0);
  });

  it("reads what the models can make, and refuses a prompt outside the vocabulary with PromptOutOfVocabularyError", async () => {
    const { data } = await client.models.list();
    expect(data.map((m) => [m.id, m.default])).toEqual([["shape-world-tiny", true]]);
    const tiny = await client.models.get("shape-world-tiny");
    expect(tiny).toEqual(data[0]);
    // The embedded package's model_index.json (world v2): its sizes, 1-4 s at 8 fps.
    expect(tiny).toMatchObject({
      version: shipped.model_version,
      sizes: shipped.limits.sizes.map(([width, height]) => ({ width, height })),
      frame_counts: [8, 16, 24, 32],
      durations: [1, 2, 3, 4],
      fps: 8,
    });
    expect(tiny.vocabulary?.closed).toBe(true);
    const missing = await client.models.get("wan2.2-ti2v-5b").catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain("the served models are shape-world-tiny");

    const refused = await client.videos
      .create({ prompt: "a pink star moves from the left to the right" })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(PromptOutOfVocabularyError);
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect(refused.code).toBe("prompt_out_of_vocabulary");
    expect(refused.vocabularyErrors).toEqual([
      expect.objectContaining({ word: "pink", span: { start: 2, end: 6 }, suggestions: ["red"] }),
      expect.objectContaining({ word: "star", span: { start: 7, end: 11 }, suggestions: ["stay"] }),
    ]);
    // Each example prompt the model advertises is one it accepts.
    const example = await client.videos.create({ prompt: tiny.examples[0]!, num_inference_steps: 1 });
    expect(example.status).toBe("queued");
  });

  it("throws typed errors carrying request id, code and field errors", async () => {
    const invalid = await client.videos.create({ prompt: PROMPT, width: 500 }).catch((e) => e);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid.code).toBe("validation_failed");
    expect(invalid.requestId).toMatch(/\S/);
    expect(invalid.errors).toContainEqual(expect.objectContaining({ field: "width", rule: "multiple_of" }));
    const unknown = await client.videos.get("vid_0000000000000000nope").catch((e) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    const stranger = new Sketchreel({ apiKey: "sr_test_not_a_real_key_at_all_000000000000", baseUrl: stack.edge.url });
    const unauthorized = await stranger.usage.get().catch((e) => e);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(unauthorized.requestId).toBe(unauthorized.headers.get("x-request-id"));
  });

  it("maps the edge's own 429 to RateLimitError with its Retry-After", async () => {
    // The edge refills a key's bucket once a minute, so its Retry-After runs up to 60 s: too long to
    // wait in a test. The waiting itself is checked below with a proxy that answers 429/503 first.
    const key = await stack.edge.createKey({ tier: "free" }); // 60 requests per minute
    const burn = () => fetch(`${stack.edge.url}/v1/usage`, { headers: { authorization: `Bearer ${key}` } });
    let limited = false;
    for (let i = 0; i < 80 && !limited; i++) limited = (await burn()).status === 429;
    expect(limited).toBe(true);
    const limitedClient = new Sketchreel({ apiKey: key, baseUrl: stack.edge.url, maxRetries: 0 });
    const error = await limitedClient.usage.get().catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
    // The RateLimit field (IETF draft): `"per-key";r=0;t=<seconds until the quota resets>`.
    expect(error.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(error.retryAfter).toBe(Number(error.headers.get("ratelimit")?.match(/;t=(\d+)/)?.[1]));
  });

  it("retries 429 and 503 from a proxy in front of the edge, after their Retry-After, with one idempotency key", async () => {
    const faults = [429, 503];
    const edge = new URL(stack.edge.url);
    const proxy = createServer((req, res) => {
      const fault = faults.shift();
      if (fault) {
        res.writeHead(fault, { "retry-after": "1", "content-type": "text/plain" }).end("try again");
        req.resume();
        return;
      }
      const upstream = httpRequest(
        { host: edge.hostname, port: edge.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const { fetch: recording, attempts } = recordingFetch();
      const proxied = new Sketchreel({
        apiKey: await stack.edge.createKey(),
        baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        fetch: recording,
      });
      const video = await proxied.videos.create({ prompt: PROMPT, num_inference_steps: 2 });
      expect(video.status).toMatch(/queued|running|succeeded/);
      expect(attempts.map((a) => a.status)).toEqual([429, 503, 202]);
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
      expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(950);
      expect(attempts[0]!.idempotencyKey).toBeTruthy();
      expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    } finally {
      proxy.close();
    }
  });

  it("verifyWebhook accepts the edge's real signed delivery", async () => {
    const { port } = webhookServer.address() as AddressInfo;
    const video = await client.videos.createAndWait(
      { prompt: PROMPT, num_inference_steps: 2, webhook_url: `http://127.0.0.1:${port}/hooks` },
      { timeout: 30_000 },
    );
    const deadline = Date.now() + 15_000;
    while (!webhooks.some((w) => w.body.includes(video.id)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const delivery = webhooks.find((w) => w.body.includes(video.id));
    expect(delivery, "no webhook delivery arrived").toBeDefined();
    const event = await verifyWebhook(
      delivery!.body,
      delivery!.headers as Record<string, string>,
      stack.edge.webhookSecret,
    );
    expect(event).toMatchObject({ type: "video.succeeded", data: { id: video.id, status: "succeeded" } });
    await expect(
      verifyWebhook(delivery!.body, delivery!.headers as Record<string, string>, "whsec_d3Jvbmc="),
    ).rejects.toThrow();
  });
});
