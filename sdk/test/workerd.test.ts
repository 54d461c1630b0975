import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The SDK's default entry bundled for Workers (no Node built-ins allowed: the bundle would fail to
// resolve them) and run in workerd, calling a loopback HTTP server.
const ENTRY = fileURLToPath(new URL("worker/entry.ts", import.meta.url));
const SECRET = `whsec_${btoa("a worker-side webhook secret....")}`;
const VIDEO = { id: "vid_0123456789abcdef", status: "running" };

const server = createServer((req, res) => {
  if (req.url?.endsWith("/events")) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    const event = (type: string) =>
      `event: ${type}\ndata: ${JSON.stringify({ id: `e_${type}`, type, created_at: "2026-11-25T12:00:00Z", data: VIDEO })}\n\n`;
    res.end(`: hello\n\n${event("video.progress")}${event("video.succeeded")}`);
    return;
  }
  res.writeHead(404, { "content-type": "application/problem+json", "x-request-id": "req_worker" });
  res.end(
    JSON.stringify({
      type: "t",
      title: "Not found",
      status: 404,
      detail: "no such video",
      code: "not_found",
      request_id: "req_worker",
    }),
  );
});
let mf: Miniflare;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const bundle = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    target: "es2022",
    logLevel: "silent",
  });
  mf = new Miniflare({ modules: true, script: bundle.outputFiles[0]!.text, compatibilityDate: "2026-04-20" });
});
afterAll(async () => {
  await mf?.dispose();
  server.close();
});

describe("the SDK inside workerd (Cloudflare Workers)", { timeout: 60_000 }, () => {
  it("bundles without Node built-ins and makes typed calls, streams events, verifies webhooks", async () => {
    const body = JSON.stringify({
      id: "evt_1",
      type: "video.succeeded",
      created_at: "2026-11-25T12:00:00Z",
      data: VIDEO,
    });
    const now = new Date();
    const headers = {
      "webhook-id": "msg_w",
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(SECRET).sign("msg_w", now, body),
    };
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = await mf.dispatchFetch("http://worker.test/", {
      method: "POST",
      body: JSON.stringify({ baseUrl, webhook: { body, headers, secret: SECRET } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      notFound: true,
      requestId: "req_worker",
      events: ["video.progress", "video.succeeded"],
      webhook: "video.succeeded",
    });
  });
});
