import { describe, expect, it } from "vitest";
import { json, problem, scriptedFetch } from "../../test/scripted-fetch.js";
import { NotFoundError, Sketchreel } from "../index.js";

const BASE = "http://api.test";
const MODEL = {
  object: "model",
  id: "shape-world-tiny",
  version: "3.0.0",
  frame_counts: [8, 16, 24, 32],
  durations: [1, 2, 3, 4],
};

describe("client.models", () => {
  it("lists and gets models by id", async () => {
    const { fetch, requests } = scriptedFetch([() => json({ object: "list", data: [MODEL] }), () => json(MODEL)]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    expect((await client.models.list()).data).toEqual([MODEL]);
    expect(await client.models.get("shape-world-tiny")).toEqual(MODEL);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE}/v1/models`,
      `GET ${BASE}/v1/models/shape-world-tiny`,
    ]);
  });

  it("throws NotFoundError naming the served models for an unknown id", async () => {
    const detail = "no model wan; the served models are shape-world-tiny";
    const { fetch } = scriptedFetch([() => problem(404, "not_found", { detail })]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE, fetch });
    const error = await client.models.get("wan").catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(`404 not_found: ${detail}`);
  });
});
