import { configProblems } from "@sketchreel/gpu-runner/config";
import { describe, expect, it } from "vitest";
import { loadApiConfig, loadNotionConfig } from "./config.js";

const problems = (env: Record<string, string>, load: (env: Record<string, string>) => unknown) =>
  configProblems(load, env);

describe("loadNotionConfig", () => {
  it("names every missing variable and what to put in it", () => {
    expect(problems({ SKETCHREEL_BASE_URL: "ftp://x" }, loadNotionConfig)).toEqual([
      "NOTION_TOKEN: NOTION_TOKEN is required: a Notion internal integration secret (ntn_… or secret_…)",
      "SKETCHREEL_API_KEY: SKETCHREEL_API_KEY is required: a Sketchreel API key (sr_live_… or sr_test_…)",
      'SKETCHREEL_BASE_URL: SKETCHREEL_BASE_URL must be an absolute http(s) URL (got "ftp://x")',
    ]);
  });

  it("returns the settings when complete", () => {
    const env = {
      NOTION_TOKEN: "ntn_x",
      SKETCHREEL_API_KEY: "sr_test_y",
      SKETCHREEL_BASE_URL: "http://127.0.0.1:8787",
    };
    expect(loadNotionConfig(env)).toEqual({
      notionToken: "ntn_x",
      notionBaseUrl: undefined,
      apiKey: "sr_test_y",
      baseUrl: "http://127.0.0.1:8787",
    });
    expect(loadNotionConfig({ ...env, NOTION_API_BASE_URL: "http://127.0.0.1:9" }).notionBaseUrl).toBe(
      "http://127.0.0.1:9",
    );
  });
});

describe("loadApiConfig", () => {
  it("reads SKETCHREEL_API_KEY and SKETCHREEL_BASE_URL; --api-key and --base-url win", () => {
    const env = { SKETCHREEL_API_KEY: "sr_test_env", SKETCHREEL_BASE_URL: "http://127.0.0.1:8787" };
    expect(loadApiConfig({}, env)).toEqual({ apiKey: "sr_test_env", baseUrl: "http://127.0.0.1:8787" });
    expect(loadApiConfig({ apiKey: "sr_test_flag", baseUrl: "https://api.example.com" }, env)).toEqual({
      apiKey: "sr_test_flag",
      baseUrl: "https://api.example.com",
    });
  });

  it("names the variable, or the flag, and what to put in it", () => {
    expect(problems({}, (env) => loadApiConfig({}, env))).toEqual([
      "SKETCHREEL_API_KEY: SKETCHREEL_API_KEY is required: a Sketchreel API key (sr_live_… or sr_test_…); or pass --api-key",
      "SKETCHREEL_BASE_URL: SKETCHREEL_BASE_URL is required: the API's URL, e.g. https://api.example.com, or http://127.0.0.1:8787 for `sketchreel dev`; or pass --base-url",
    ]);
    expect(problems({ SKETCHREEL_API_KEY: "k" }, (env) => loadApiConfig({ baseUrl: "api.example.com" }, env))).toEqual([
      'SKETCHREEL_BASE_URL: --base-url must be an absolute http(s) URL (got "api.example.com")',
    ]);
  });
});
