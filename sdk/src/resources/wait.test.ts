import { describe, expect, it } from "vitest";
import { json, problem, scriptedFetch } from "../../test/scripted-fetch.js";
import { APITimeoutError, Sketchreel, VideoNotSucceededError } from "../index.js";

const BASE = "http://api.test";
const video = (status: string, percent: number) => ({
  id: "vid_0123456789abcdef",
  status,
  progress: { stage: status === "succeeded" ? "done" : "denoise", step: percent / 10, total_steps: 10, percent },
  error: status === "failed" ? { code: "generation_failed", message: "NaN latents", retryable: false } : null,
});
const sse = (events: object[]) =>
  new Response(
    events
      .map((data, i) => `id: ${i}\nevent: ${(data as { type: string }).type}\ndata: ${JSON.stringify(data)}\n\n`)
      .join(""),
    { headers: { "content-type": "text/event-stream" } },
  );
const event = (type: string, data: object) => ({ id: `evt_${type}`, type, created_at: "2026-11-25T12:00:00Z", data });

describe("videos.createAndWait", () => {
  it("follows the event stream and reports each progress change once", async () => {
    const { fetch, requests } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () =>
        sse([
          event("video.running", video("running", 10)),
          event("video.progress", video("running", 50)),
          event("video.progress", video("running", 50)),
          event("video.succeeded", video("succeeded", 100)),
        ]),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const seen: number[] = [];
    const done = await client.videos.createAndWait({ prompt: "a" }, { onProgress: (p) => seen.push(p.percent) });
    expect(done.status).toBe("succeeded");
    expect(seen).toEqual([0, 10, 50, 100]);
    expect(requests[1]!.headers.get("accept")).toBe("text/event-stream");
  });

  it("falls back to polling when the stream is unavailable", async () => {
    const { fetch, requests } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () => problem(404, "not_found"),
      () => json(video("running", 40)),
      () => json(video("succeeded", 100)),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const done = await client.videos.createAndWait({ prompt: "a" }, { pollInterval: 10 });
    expect(done.progress.percent).toBe(100);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "POST /v1/videos",
      "GET /v1/videos/vid_0123456789abcdef/events",
      "GET /v1/videos/vid_0123456789abcdef",
      "GET /v1/videos/vid_0123456789abcdef",
    ]);
  });

  it("rejects with VideoNotSucceededError carrying the failed video", async () => {
    const { fetch } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () => sse([event("video.failed", video("failed", 30))]),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const error = await client.videos.createAndWait({ prompt: "a" }).catch((e) => e);
    expect(error).toBeInstanceOf(VideoNotSucceededError);
    expect(error.video.error.code).toBe("generation_failed");
  });

  it("rejects with APITimeoutError when the total timeout passes", async () => {
    const { fetch } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () => problem(404, "not_found"),
      ...Array(50).fill(() => json(video("queued", 0))),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    await expect(
      client.videos.createAndWait({ prompt: "a" }, { timeout: 100, pollInterval: 20 }),
    ).rejects.toBeInstanceOf(APITimeoutError);
  });
});
