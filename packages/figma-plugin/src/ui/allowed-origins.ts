/**
 * The origins this build of the plugin may reach: Figma enforces the manifest's network access, so
 * an API URL outside it would fail with an opaque network error. The settings say which ones the
 * build allows, and refuse another, naming the build setting that changes it.
 */

/** The note under the API URL field. */
export function describeAllowedOrigins(origins: readonly string[]): string {
  return `This build of the plugin can reach ${origins.join(", ")}. Another API needs a build that allows it: SKETCHREEL_ALLOWED_DOMAINS (see the plugin's README).`;
}

/** Why `url` cannot be used with this build, or `null` when it can. */
export function originProblem(url: string, origins: readonly string[]): string | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // not a URL: said below
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return "Enter an http(s) API URL.";
  const { origin } = parsed;
  if (origins.includes(origin)) return null;
  return `This build of the plugin cannot reach ${origin}: use one of the origins above, or a build that allows it.`;
}
