/**
 * Builds the SDK and packs the publishable tarball. The workspace's package.json points `exports`
 * at the TypeScript sources (so other workspaces use the SDK without a build step); the published
 * manifest, written here into a staging folder, points them at `dist/` (ESM + .d.ts).
 *
 *   npm run pack -w @sketchreel/sdk [-- --out DIR]   → prints the tarball's path
 *   npm publish <that tarball>
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SDK = fileURLToPath(new URL("..", import.meta.url));

/** The manifest consumers get: runtime deps only, exports at dist/. */
export function publishManifest(workspace: Record<string, unknown>): Record<string, unknown> {
  const { devDependencies: _dev, scripts: _scripts, exports: _exports, ...rest } = workspace;
  return {
    ...rest,
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js", default: "./dist/index.js" } },
    files: ["dist", "README.md", "LICENSE"],
    sideEffects: false,
    engines: { node: ">=20" },
  };
}

/** Compiles src/ to dist/ (tsc, declarations included); returns the dist folder. */
export function build(): string {
  rmSync(join(SDK, "dist"), { recursive: true, force: true });
  execFileSync("npx", ["tsc", "-p", join(SDK, "tsconfig.build.json")], { cwd: SDK, stdio: "inherit" });
  return join(SDK, "dist");
}

/** Builds, stages and packs; returns the tarball's absolute path. */
export function pack(outDir: string): string {
  const dist = build();
  const stage = mkdtempSync(join(tmpdir(), "sketchreel-sdk-stage-"));
  try {
    const workspace = JSON.parse(readFileSync(join(SDK, "package.json"), "utf8"));
    writeFileSync(join(stage, "package.json"), `${JSON.stringify(publishManifest(workspace), null, 2)}\n`);
    cpSync(dist, join(stage, "dist"), { recursive: true });
    cpSync(join(SDK, "README.md"), join(stage, "README.md"));
    cpSync(join(SDK, "..", "LICENSE"), join(stage, "LICENSE"));
    mkdirSync(outDir, { recursive: true });
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", outDir], { cwd: stage, encoding: "utf8" });
    const [{ filename }] = JSON.parse(out) as [{ filename: string }];
    return join(outDir, filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf("--out");
  const outDir = flag > 0 ? process.argv[flag + 1]! : join(SDK, "dist");
  console.log(JSON.stringify({ msg: "packed @sketchreel/sdk", tarball: pack(outDir) }));
}
