import { describe, expect, it } from "vitest";
import { json, problem, scriptedFetch } from "../../test/scripted-fetch.js";
import { APITimeoutError, Sketchreel, VideoNotSucceededError } from "../index.js";
import { preferWaitSeconds } from "./wait.js";

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

  it("rejects with APITimeoutError naming the video when the total timeout passes", async () => {
    const { fetch } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () => problem(404, "not_found"),
      ...Array(50).fill(() => json(video("queued", 0))),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const error = await client.videos
      .createAndWait({ prompt: "a" }, { timeout: 100, pollInterval: 20 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error.videoId).toBe("vid_0123456789abcdef");
    expect(error.message).toContain('videos.wait("vid_0123456789abcdef")');
  });

  it("does not retry a create whose 409 answers the same every time", async () => {
    const { fetch, requests } = scriptedFetch([() => problem(409, "conflict")]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    await expect(client.videos.createAndWait({ prompt: "a" })).rejects.toMatchObject({ status: 409 });
    expect(requests).toHaveLength(1);
  });
});

describe("createAndWait with Prefer: wait", () => {
  it("asks the API to hold the create and returns a video finished in its answer, in one request", async () => {
    const { fetch, requests } = scriptedFetch([() => json(video("succeeded", 100), 201)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const done = await client.videos.createAndWait({ prompt: "a" }, { timeout: 30_000 });
    expect(done.status).toBe("succeeded");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get("prefer")).toBe("wait=30");
  });

  it("follows the events as before when the API answers 202 instead (it does not hold)", async () => {
    const { fetch, requests } = scriptedFetch([
      () => json(video("queued", 0), 202),
      () => sse([event("video.succeeded", video("succeeded", 100))]),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const done = await client.videos.createAndWait({ prompt: "a" });
    expect(done.status).toBe("succeeded");
    expect(requests[0]!.headers.get("prefer")).toBe("wait=60");
    expect(requests).toHaveLength(2);
  });

  it("does not hold the create when progress is wanted, or when told not to", async () => {
    const script = () => [
      () => json(video("queued", 0), 202),
      () => sse([event("video.succeeded", video("succeeded", 100))]),
    ];
    const first = scriptedFetch(script());
    await new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch: first.fetch }).videos.createAndWait(
      { prompt: "a" },
      { onProgress: () => {} },
    );
    const second = scriptedFetch(script());
    await new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch: second.fetch }).videos.createAndWait(
      { prompt: "a" },
      { preferWait: false },
    );
    expect([first.requests[0]!.headers.get("prefer"), second.requests[0]!.headers.get("prefer")]).toEqual([null, null]);
    expect(() => preferWaitSeconds({ preferWait: 0 })).toThrow(/preferWait must be a whole number/);
    expect(preferWaitSeconds({ preferWait: 5, onProgress: () => {} })).toBe(5);
  });
});

describe("videos.wait", () => {
  it("waits for an existing video: its state now, then its events", async () => {
    const { fetch, requests } = scriptedFetch([
      () => json(video("running", 40)),
      () => sse([event("video.succeeded", video("succeeded", 100))]),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const seen: string[] = [];
    const done = await client.videos.wait("vid_0123456789abcdef", { onProgress: (_, v) => seen.push(v.status) });
    expect(done.status).toBe("succeeded");
    expect(seen).toEqual(["running", "succeeded"]);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "GET /v1/videos/vid_0123456789abcdef",
      "GET /v1/videos/vid_0123456789abcdef/events",
    ]);
  });

  it("rejects at once for a video that already failed, and names the video on timeout", async () => {
    const { fetch } = scriptedFetch([
      () => json(video("failed", 30)),
      () => json(video("queued", 0)),
      () => problem(404, "not_found"),
      ...Array(50).fill(() => json(video("queued", 0))),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    await expect(client.videos.wait("vid_0123456789abcdef")).rejects.toBeInstanceOf(VideoNotSucceededError);
    const late = await client.videos.wait("vid_0123456789abcdef", { timeout: 100, pollInterval: 20 }).catch((e) => e);
    expect(late).toBeInstanceOf(APITimeoutError);
    expect(late.videoId).toBe("vid_0123456789abcdef");
  });
});
