/**
 * The plugin's manifest.json, built from the API origin it talks to and the storage origin its
 * presigned output URLs point at (Figma enforces both through `networkAccess`).
 */

export interface ManifestOptions {
  /** The edge's origin, e.g. `https://api.example.com`. */
  apiOrigin: string;
  /** Where presigned GIF/poster URLs point (S3, R2, or a CDN in front). */
  storageOrigin: string;
  /** Paths of the built files, relative to the manifest. */
  main: string;
  ui: string;
}

export const DEV_DEFAULTS = {
  apiOrigin: "http://127.0.0.1:8787",
  storageOrigin: "http://127.0.0.1:4568",
} as const;

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

export function origin(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL (got "${url}")`);
  }
  if (parsed.protocol !== "https:" && !LOOPBACK.test(parsed.origin)) {
    throw new Error(`${name} must use https unless it is loopback (got "${url}")`);
  }
  return parsed.origin;
}

export function buildManifest(options: ManifestOptions) {
  const origins = [origin(options.apiOrigin, "apiOrigin"), origin(options.storageOrigin, "storageOrigin")];
  const remote = [...new Set(origins.filter((o) => !LOOPBACK.test(o)))];
  const local = [...new Set(origins.filter((o) => LOOPBACK.test(o)))];
  return {
    name: "Sketchreel",
    id: "sketchreel-video-drafts",
    api: "1.0.0",
    main: options.main,
    ui: options.ui,
    editorType: ["figma"],
    documentAccess: "dynamic-page",
    networkAccess: {
      allowedDomains: remote.length > 0 ? remote : ["none"],
      ...(local.length > 0 ? { devAllowedDomains: local } : {}),
      reasoning: "Sends prompts to your Sketchreel API and downloads the generated GIF and poster from its storage.",
    },
  };
}
