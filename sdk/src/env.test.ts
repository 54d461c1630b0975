import { afterEach, describe, expect, it, vi } from "vitest";
import { json, scriptedFetch } from "../test/scripted-fetch.js";
import { Sketchreel } from "./index.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("configuration from the environment", () => {
  it("reads SKETCHREEL_API_KEY and SKETCHREEL_BASE_URL when no options are given", async () => {
    vi.stubEnv("SKETCHREEL_API_KEY", "sr_test_from_env");
    vi.stubEnv("SKETCHREEL_BASE_URL", "http://env.test/");
    const { fetch, requests } = scriptedFetch([() => json({ object: "list", data: [] })]);
    const client = new Sketchreel({ fetch });
    await client.models.list();
    expect(client.baseUrl).toBe("http://env.test");
    expect(requests[0]!.url).toBe("http://env.test/v1/models");
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer sr_test_from_env");
  });

  it("lets explicit options win over the environment", () => {
    vi.stubEnv("SKETCHREEL_API_KEY", "sr_test_from_env");
    vi.stubEnv("SKETCHREEL_BASE_URL", "http://env.test");
    const client = new Sketchreel({ apiKey: "sr_test_explicit", baseUrl: "http://explicit.test" });
    expect(client.baseUrl).toBe("http://explicit.test");
    expect(() => new Sketchreel({ apiKey: "" })).toThrow(/apiKey is required/);
  });

  it("names the variable to set when the key or the URL is missing", () => {
    vi.stubEnv("SKETCHREEL_API_KEY", "");
    vi.stubEnv("SKETCHREEL_BASE_URL", "");
    expect(() => new Sketchreel({ baseUrl: "http://api.test" })).toThrow(
      "Sketchreel: apiKey is required: pass { apiKey } or set SKETCHREEL_API_KEY",
    );
    expect(() => new Sketchreel({ apiKey: "k" })).toThrow(/pass \{ baseUrl \} or set SKETCHREEL_BASE_URL/);
  });
});
