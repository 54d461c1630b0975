/**
 * The plugin's manifest.json, built from the API origin it talks to, the storage origin its
 * presigned output URLs point at and any other origins the build allows (Figma enforces all of them
 * through `networkAccess`: a request to any other origin fails), plus the relaunch buttons.
 */

export interface ManifestOptions {
  /** The edge's origin, e.g. `https://api.example.com`. */
  apiOrigin: string;
  /** Where presigned GIF/poster URLs point (S3, R2, or a CDN in front). */
  storageOrigin: string;
  /** More origins this build may reach: another API, a CDN (`SKETCHREEL_ALLOWED_DOMAINS`). */
  allowedDomains?: string[];
  /** Paths of the built files, relative to the manifest. */
  main: string;
  ui: string;
}

export const DEV_DEFAULTS = {
  apiOrigin: "http://127.0.0.1:8787",
  storageOrigin: "http://127.0.0.1:4568",
} as const;

/** The buttons Figma shows on a layer that has relaunch data (preview.ts sets them). */
export const RELAUNCH_BUTTONS = [{ command: REGENERATE_RELAUNCH.command, name: REGENERATE_RELAUNCH.name }];

import { REGENERATE_RELAUNCH } from "../src/shared/messages.js";

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

/** `https://a.example.com, https://cdn.example.com` (the build setting) → origins, each checked. */
export function parseAllowedDomains(list: string | undefined, name = "SKETCHREEL_ALLOWED_DOMAINS"): string[] {
  if (list === undefined || list.trim() === "") return [];
  return list.split(",").map((entry) => origin(entry.trim(), name));
}

/** Every origin a build may reach: released ones first, then loopback ones (development only in Figma). */
export function allowedOrigins(options: Pick<ManifestOptions, "apiOrigin" | "storageOrigin" | "allowedDomains">) {
  const origins = [
    origin(options.apiOrigin, "apiOrigin"),
    origin(options.storageOrigin, "storageOrigin"),
    ...(options.allowedDomains ?? []).map((d) => origin(d, "allowedDomains")),
  ];
  return {
    remote: [...new Set(origins.filter((o) => !LOOPBACK.test(o)))],
    local: [...new Set(origins.filter((o) => LOOPBACK.test(o)))],
  };
}

export function buildManifest(options: ManifestOptions) {
  const { remote, local } = allowedOrigins(options);
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
    relaunchButtons: RELAUNCH_BUTTONS,
  };
}
