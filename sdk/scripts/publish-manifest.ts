/**
 * The SDK's npm pack lifecycle, so that the standard `npm pack -w @sketchreel/sdk` and `npm publish -w
 * @sketchreel/sdk` ship a working package. In the workspace `exports` points at the TypeScript
 * sources (other workspaces use the SDK without a build); the published manifest must point at
 * dist/. pnpm and yarn apply `publishConfig.exports`/`main`/`types` themselves; npm does not, so:
 *
 *   prepack      compile dist/ (ESM + .d.ts), copy the repository's LICENSE in, and write the
 *                published manifest over package.json (the workspace one waits in node_modules/.cache)
 *   postpack     put the workspace manifest back, except under `npm publish`, which reads the
 *                manifest again after packing to send it to the registry
 *   postpublish  put it back
 *
 * A pack that died half-way is repaired by the next prepack (or `tsx scripts/publish-manifest.ts restore`).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SDK = fileURLToPath(new URL("..", import.meta.url));
const MANIFEST = join(SDK, "package.json");
const LICENSE = join(SDK, "LICENSE");
const KEPT = join(SDK, "node_modules", ".cache", "sketchreel-publish");
const KEPT_MANIFEST = join(KEPT, "package.json");
const COPIED_LICENSE = join(KEPT, "license-copied");

/** `publishConfig` fields npm leaves alone and this script applies to the published manifest. */
const MANIFEST_OVERRIDES = ["exports", "main", "types", "module", "browser", "bin"] as const;

type Manifest = Record<string, unknown> & { publishConfig?: Record<string, unknown> };

/**
 * The manifest consumers get: `publishConfig`'s entry points applied, no devDependencies, and no
 * scripts but the `keepScripts` named (npm runs `postpublish` from the manifest it re-read).
 */
export function publishManifest(workspace: Manifest, keepScripts: string[] = []): Manifest {
  const { devDependencies: _dev, scripts = {}, publishConfig = {}, ...rest } = workspace;
  const overrides = Object.fromEntries(
    MANIFEST_OVERRIDES.filter((k) => k in publishConfig).map((k) => [k, publishConfig[k]]),
  );
  const config = Object.fromEntries(Object.entries(publishConfig).filter(([k]) => !(k in overrides)));
  const kept = Object.fromEntries(
    Object.entries(scripts as Record<string, string>).filter(([k]) => keepScripts.includes(k)),
  );
  return {
    ...rest,
    ...overrides,
    ...(Object.keys(kept).length > 0 ? { scripts: kept } : {}),
    ...(Object.keys(config).length > 0 ? { publishConfig: config } : {}),
  };
}

function prepack(): void {
  restore();
  rmSync(join(SDK, "dist"), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(SDK, "tsconfig.build.json")], { cwd: SDK, stdio: "inherit" });
  const workspace = readFileSync(MANIFEST, "utf8");
  mkdirSync(KEPT, { recursive: true });
  writeFileSync(KEPT_MANIFEST, workspace);
  if (!existsSync(LICENSE)) {
    copyFileSync(join(SDK, "..", "LICENSE"), LICENSE);
    writeFileSync(COPIED_LICENSE, "");
  }
  const keep = publishing() ? ["postpublish"] : [];
  writeFileSync(MANIFEST, `${JSON.stringify(publishManifest(JSON.parse(workspace) as Manifest, keep), null, 2)}\n`);
}

/** Puts the workspace manifest back and removes the LICENSE copy; nothing to do after a clean run. */
function restore(): void {
  if (existsSync(KEPT_MANIFEST)) writeFileSync(MANIFEST, readFileSync(KEPT_MANIFEST));
  if (existsSync(COPIED_LICENSE)) rmSync(LICENSE, { force: true });
  rmSync(KEPT, { recursive: true, force: true });
}

/** Under `npm publish`, which re-reads package.json after postpack and runs postpublish from it. */
function publishing(): boolean {
  return process.env.npm_command === "publish";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const step = process.argv[2];
  if (step === "prepack") prepack();
  // npm publish sends the re-read manifest to the registry: keep the published one until postpublish.
  else if (step === "postpack" && !publishing()) restore();
  else if (step === "postpublish" || step === "restore") restore();
  else if (step !== "postpack") throw new Error(`usage: publish-manifest.ts prepack|postpack|postpublish|restore`);
}
