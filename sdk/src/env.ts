/**
 * The SDK's one reader of the environment: `SKETCHREEL_API_KEY` and `SKETCHREEL_BASE_URL`, where the
 * runtime has a `process.env` (Node, Bun, Deno's Node compatibility). Browsers, the Figma plugin UI
 * and Workers without Node compatibility have none: there the options must be passed explicitly.
 * No `node:` import, so the same code runs everywhere.
 */

export const ENV = { apiKey: "SKETCHREEL_API_KEY", baseUrl: "SKETCHREEL_BASE_URL" } as const;

type ProcessLike = { env?: Record<string, string | undefined> };

/** The variable's value, trimmed; `undefined` when unset, empty, or the runtime has no environment. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: ProcessLike }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
