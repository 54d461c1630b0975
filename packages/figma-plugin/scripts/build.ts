/**
 * Builds the plugin into dist/: `code.js` (main thread, ES2017), `ui.html` (the UI bundle with the
 * SDK, inlined into one HTML file as Figma requires) and `manifest.json`, whose network access lists
 * exactly the origins this build may reach; the UI shows them next to its API URL field.
 *
 *   npm run build -w @sketchreel/figma-plugin                      # dev: loopback API and S3
 *   npm run build -w @sketchreel/figma-plugin -- --api-origin https://api.example.com \
 *       --storage-origin https://bucket.s3.amazonaws.com --allowed-domains https://cdn.example.com
 *
 * Each flag has an environment variable, for CI: SKETCHREEL_API_ORIGIN, SKETCHREEL_STORAGE_ORIGIN,
 * SKETCHREEL_ALLOWED_DOMAINS (comma-separated origins); a flag wins. This script is the plugin's only
 * reader of the environment.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { allowedOrigins, buildManifest, DEV_DEFAULTS, origin, parseAllowedDomains } from "./manifest.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface BuildOptions {
  outDir?: string;
  apiOrigin?: string;
  storageOrigin?: string;
  /** Further origins the plugin may reach (a second API, a CDN in front of storage). */
  allowedDomains?: string[];
}

/** Returns the paths written. */
export async function buildPlugin(options: BuildOptions = {}) {
  const outDir = options.outDir ?? join(ROOT, "dist");
  const apiOrigin = origin(options.apiOrigin ?? DEV_DEFAULTS.apiOrigin, "--api-origin");
  const storageOrigin = origin(options.storageOrigin ?? DEV_DEFAULTS.storageOrigin, "--storage-origin");
  const allowedDomains = (options.allowedDomains ?? []).map((d) => origin(d, "--allowed-domains"));
  const { remote, local } = allowedOrigins({ apiOrigin, storageOrigin, allowedDomains });
  mkdirSync(outDir, { recursive: true });

  await build({
    entryPoints: [join(ROOT, "src/main/code.ts")],
    outfile: join(outDir, "code.js"),
    bundle: true,
    format: "iife",
    target: "es2017",
    logLevel: "warning",
  });

  const ui = await build({
    entryPoints: [join(ROOT, "src/ui/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
    minify: true,
    define: {
      __SKETCHREEL_API_ORIGIN__: JSON.stringify(apiOrigin),
      __SKETCHREEL_ALLOWED_ORIGINS__: JSON.stringify([...remote, ...local]),
    },
    logLevel: "warning",
  });
  const script = (ui.outputFiles[0]?.text ?? "").replaceAll("</script", "<\\/script");
  const template = readFileSync(join(ROOT, "src/ui/index.html"), "utf8");
  if (!template.includes("<!-- SCRIPT -->")) throw new Error("src/ui/index.html lacks the <!-- SCRIPT --> marker");
  const html = template.replace("<!-- SCRIPT -->", () => `<script>${script}</script>`);
  writeFileSync(join(outDir, "ui.html"), html);

  const manifest = buildManifest({ apiOrigin, storageOrigin, allowedDomains, main: "code.js", ui: "ui.html" });
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { code: join(outDir, "code.js"), ui: join(outDir, "ui.html"), manifest: join(outDir, "manifest.json") };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const env = process.env;
  const apiOrigin = flag("--api-origin") ?? env.SKETCHREEL_API_ORIGIN;
  const storageOrigin = flag("--storage-origin") ?? env.SKETCHREEL_STORAGE_ORIGIN;
  const domains = flag("--allowed-domains");
  const written = await buildPlugin({
    ...(apiOrigin ? { apiOrigin } : {}),
    ...(storageOrigin ? { storageOrigin } : {}),
    allowedDomains:
      domains !== undefined
        ? parseAllowedDomains(domains, "--allowed-domains")
        : parseAllowedDomains(env.SKETCHREEL_ALLOWED_DOMAINS),
    ...(flag("--out") ? { outDir: flag("--out") } : {}),
  });
  console.log(JSON.stringify({ msg: "built the Figma plugin", ...written }));
}
