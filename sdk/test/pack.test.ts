import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const SDK = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "sketchreel-sdk-consumer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm pack -w @sketchreel/sdk`, as a maintainer (and `npm publish`) runs it; returns the tarball's path. */
function npmPack(outDir: string): string {
  const out = execFileSync("npm", ["pack", "-w", "@sketchreel/sdk", "--json", "--pack-destination", outDir], {
    cwd: join(SDK, ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  return join(outDir, filename);
}

describe("the standard npm pack tarball, installed as a consumer would", { timeout: 180_000 }, () => {
  const workspaceManifest = readFileSync(join(SDK, "package.json"), "utf8");
  const tarball = npmPack(work);
  const app = join(work, "app");
  cpSync(new URL("consumer", import.meta.url).pathname, app, { recursive: true });
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      type: "module",
      dependencies: { "@sketchreel/sdk": `file:${tarball}` },
    }),
  );
  // As a consumer installs it: the SDK's dependencies come from the registry, or from the npm cache
  // when it already holds them (--prefer-offline), so the test passes on a machine with a cold cache
  // (issue 14: --offline failed with ENOTCACHED there) and stays fast on a warm one.
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
    {
      cwd: app,
      stdio: "pipe",
    },
  );
  const installed = join(app, "node_modules", "@sketchreel", "sdk");

  it("leaves the workspace as it was: package.json points at the sources again, no LICENSE copy", () => {
    expect(readFileSync(join(SDK, "package.json"), "utf8")).toBe(workspaceManifest);
    expect(JSON.parse(workspaceManifest).exports["."]).toBe("./src/index.ts");
    expect(existsSync(join(SDK, "LICENSE"))).toBe(false);
  });

  it("ships dist (ESM + .d.ts), README and LICENSE, and no sources or tests", () => {
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.exports["."]).toEqual({
      types: "./dist/index.d.ts",
      import: "./dist/index.js",
      default: "./dist/index.js",
    });
    expect(manifest).toMatchObject({ main: "./dist/index.js", types: "./dist/index.d.ts" });
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(readdirSync(installed).sort()).toEqual(["LICENSE", "README.md", "dist", "package.json"]);
    const files = readdirSync(join(installed, "dist"), { recursive: true }).map(String);
    expect(files).toContain("index.d.ts");
    expect(files.filter((f) => f.endsWith(".test.js") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
  });

  it("has no Node-only imports (it must run in browsers, Workers and the Figma UI iframe)", () => {
    const js = readdirSync(join(installed, "dist"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".js"));
    const nodeImports = js.filter((f) =>
      /from\s+["']node:|require\(["']node:/.test(readFileSync(join(installed, "dist", f), "utf8")),
    );
    expect(nodeImports).toEqual([]);
  });

  it("type-checks a consumer file (NodeNext resolution, strict, no skipLibCheck)", () => {
    const result = (() => {
      try {
        return execFileSync(process.execPath, [TSC, "-p", join(app, "tsconfig.json")], { encoding: "utf8" });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(result).toBe("");
  });

  it("runs in plain Node: a real request, a typed error", () => {
    const out = execFileSync(process.execPath, [join(app, "run.mjs")], { cwd: app, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({
      notFound: true,
      requestId: "req_consumer",
      detail: "no /v1/videos/vid_0123456789abcdef",
    });
  });
});
