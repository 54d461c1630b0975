import { Sketchreel } from "@sketchreel/sdk";
import { type ApiFlags, loadApiConfig } from "../config.js";

/** The SDK client for a remote command: `--base-url`/`--api-key`, else the environment (config.ts). */
export function createApiClient(flags: ApiFlags): Sketchreel {
  const config = loadApiConfig({ apiKey: flags.apiKey, baseUrl: flags.baseUrl });
  return new Sketchreel({ apiKey: config.apiKey, baseUrl: config.baseUrl });
}
