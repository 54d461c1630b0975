import { type Env, envRules, parseEnv } from "@sketchreel/gpu-runner/config";
import { z } from "zod";

/**
 * The CLI's configuration: the ONLY module of the CLI that reads `process.env`. The model, device and
 * encoder settings of `generate` and `eval` are the runner's (`loadPipelineConfig`); this module adds
 * what only CLI commands need. Errors are `ConfigError`s naming each variable and its rule.
 */
export { ConfigError, loadPipelineConfig, type PipelineConfig } from "@sketchreel/gpu-runner/config";

const { httpUrl, text } = envRules;

/** Where a deployed API is and the key to call it with: `--base-url`/`--api-key` win over the environment. */
export interface ApiFlags {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
}

export interface ApiConfig {
  apiKey: string;
  baseUrl: string;
}

/** `sketchreel videos …` and `sketchreel models --remote`: the API to call. */
export function loadApiConfig(flags: ApiFlags = {}, env: Env = process.env): ApiConfig {
  // A rule names the flag when the value came from it, the variable otherwise.
  const ApiEnv = z.object({
    SKETCHREEL_API_KEY: text(
      flags.apiKey === undefined ? "SKETCHREEL_API_KEY" : "--api-key",
      "a Sketchreel API key (sr_live_… or sr_test_…); or pass --api-key",
    ),
    SKETCHREEL_BASE_URL: httpUrl(
      flags.baseUrl === undefined ? "SKETCHREEL_BASE_URL" : "--base-url",
      "the API's URL, e.g. https://api.example.com, or http://127.0.0.1:8787 for `sketchreel dev`; or pass --base-url",
    ),
  });
  const e = parseEnv(ApiEnv, {
    SKETCHREEL_API_KEY: flags.apiKey ?? env.SKETCHREEL_API_KEY,
    SKETCHREEL_BASE_URL: flags.baseUrl ?? env.SKETCHREEL_BASE_URL,
  });
  return { apiKey: e.SKETCHREEL_API_KEY, baseUrl: e.SKETCHREEL_BASE_URL };
}

/** `sketchreel notion add`: Notion's side and the edge it reads the video from. */
const NotionEnv = z.object({
  NOTION_TOKEN: text("NOTION_TOKEN", "a Notion internal integration secret (ntn_… or secret_…)"),
  NOTION_API_BASE_URL: httpUrl("NOTION_API_BASE_URL").optional(),
  SKETCHREEL_API_KEY: text("SKETCHREEL_API_KEY", "a Sketchreel API key (sr_live_… or sr_test_…)"),
  SKETCHREEL_BASE_URL: httpUrl("SKETCHREEL_BASE_URL", "the edge's URL, e.g. http://127.0.0.1:8787"),
});

export interface NotionConfig {
  notionToken: string;
  /** Notion's API origin; only tests and proxies change it. */
  notionBaseUrl: string | undefined;
  apiKey: string;
  baseUrl: string;
}

/** What `sketchreel notion add` needs. */
export function loadNotionConfig(env: Env = process.env): NotionConfig {
  const e = parseEnv(NotionEnv, env);
  return {
    notionToken: e.NOTION_TOKEN,
    notionBaseUrl: e.NOTION_API_BASE_URL,
    apiKey: e.SKETCHREEL_API_KEY,
    baseUrl: e.SKETCHREEL_BASE_URL,
  };
}
