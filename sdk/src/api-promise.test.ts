import { describe, expect, it } from "vitest";
import { json, problem, scriptedFetch } from "../test/scripted-fetch.js";
import { NotFoundError, Sketchreel } from "./index.js";

const BASE = "http://api.test";
const VIDEO = { id: "vid_0123456789abcdef", object: "video", status: "queued" };
const RATE = { "ratelimit-limit": "60", "ratelimit-remaining": "59", "x-request-id": "req_1" };

describe("withResponse", () => {
  it("gives the parsed body and the response headers of a successful call", async () => {
    const { fetch } = scriptedFetch([() => json(VIDEO, 202, RATE), () => json(VIDEO, 200, RATE)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const { data, response } = await client.videos.create({ prompt: "a red ball falls" }).withResponse();
    expect(data.id).toBe(VIDEO.id);
    expect(response.status).toBe(202);
    expect(response.headers.get("ratelimit-remaining")).toBe("59");
    const raw = await client.videos.get(VIDEO.id).asResponse();
    expect(raw.headers.get("x-request-id")).toBe("req_1");
  });

  it("still awaits to the body, chains like a Promise, and rejects with the typed error", async () => {
    const { fetch } = scriptedFetch([() => json(VIDEO), () => problem(404, "not_found")]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const call = client.videos.get(VIDEO.id);
    expect(call).toBeInstanceOf(Promise);
    expect(await call.then((video) => video.status)).toBe("queued");
    expect(await call).toEqual(VIDEO); // one request, however often it is awaited
    const missing = await client.videos.get("vid_missing").catch((error) => error);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it("gives a list's first page with its response", async () => {
    const page = { object: "list", data: [VIDEO], has_more: false, next_cursor: null };
    const { fetch, requests } = scriptedFetch([() => json(page, 200, RATE)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const list = client.videos.list({ limit: 1 });
    const { data, response } = await list.withResponse();
    expect(data.data).toEqual([VIDEO]);
    expect(response.headers.get("ratelimit-limit")).toBe("60");
    expect((await list).data).toEqual([VIDEO]);
    expect(requests).toHaveLength(1);
  });
});
