import { describe, expect, it } from "vitest";
import { notionCommandConfig } from "./config.js";

describe("notionCommandConfig", () => {
  it("names every missing variable and what to put in it", () => {
    expect(() => notionCommandConfig({ SKETCHREEL_BASE_URL: "ftp://x" })).toThrow(
      [
        "NOTION_TOKEN is required: a Notion internal integration secret (ntn_… or secret_…)",
        "SKETCHREEL_API_KEY is required: a Sketchreel API key (sr_live_… or sr_test_…)",
        'SKETCHREEL_BASE_URL must be an http(s) URL (got "ftp://x")',
      ].join("\n"),
    );
  });

  it("returns the settings when complete", () => {
    const env = {
      NOTION_TOKEN: "ntn_x",
      SKETCHREEL_API_KEY: "sr_test_y",
      SKETCHREEL_BASE_URL: "http://127.0.0.1:8787",
    };
    expect(notionCommandConfig(env)).toEqual({
      notionToken: "ntn_x",
      notionBaseUrl: undefined,
      apiKey: "sr_test_y",
      baseUrl: "http://127.0.0.1:8787",
    });
  });
});
