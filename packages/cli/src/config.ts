import { type Env, envRules, parseEnv } from "@sketchreel/gpu-runner/config";
import { z } from "zod";

/**
 * The CLI's configuration: the ONLY module of the CLI that reads `process.env`. The model, device and
 * encoder settings of `generate` and `eval` are the runner's (`loadPipelineConfig`); this module adds
 * what only CLI commands need. Errors are `ConfigError`s naming each variable and its rule.
 */
export { ConfigError, loadPipelineConfig, type PipelineConfig } from "@sketchreel/gpu-runner/config";

const { httpUrl, text } = envRules;

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
