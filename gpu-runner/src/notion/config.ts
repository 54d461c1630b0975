/** What `sketchreel notion add` needs from the environment, validated up front. */
export interface NotionCommandConfig {
  notionToken: string;
  /** Notion's API origin; only tests and proxies change it. */
  notionBaseUrl: string | undefined;
  apiKey: string;
  baseUrl: string;
}

type Env = Record<string, string | undefined>;

const REQUIRED = {
  NOTION_TOKEN: "a Notion internal integration secret (ntn_… or secret_…)",
  SKETCHREEL_API_KEY: "a Sketchreel API key (sr_live_… or sr_test_…)",
  SKETCHREEL_BASE_URL: "the edge's URL, e.g. http://127.0.0.1:8787",
} as const;

/** Reads the command's variables; throws one message naming every missing or bad one. */
export function notionCommandConfig(env: Env): NotionCommandConfig {
  const problems = Object.entries(REQUIRED)
    .filter(([name]) => !env[name])
    .map(([name, what]) => `${name} is required: ${what}`);
  for (const name of ["SKETCHREEL_BASE_URL", "NOTION_API_BASE_URL"] as const) {
    const value = env[name];
    if (value && !/^https?:\/\/[^/]/.test(value)) problems.push(`${name} must be an http(s) URL (got "${value}")`);
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return {
    notionToken: env.NOTION_TOKEN!,
    notionBaseUrl: env.NOTION_API_BASE_URL || undefined,
    apiKey: env.SKETCHREEL_API_KEY!,
    baseUrl: env.SKETCHREEL_BASE_URL!,
  };
}
