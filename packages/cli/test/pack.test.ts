import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { probeVideo } from "@sketchreel/encode/probe";
import { EMBEDDED_MODEL_ID } from "@sketchreel/models";
import { afterAll, describe, expect, it } from "vitest";

// The CLI as someone outside the repository gets it: `npm pack -w @sketchreel/cli` (what `npm publish`
// ships), installed into an empty directory, run with npx.
const CLI = fileURLToPath(new URL("..", import.meta.url));
const DESIGN_EXAMPLE =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";
const work = mkdtempSync(join(tmpdir(), "sketchreel-cli-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function npmPack(): string {
  const out = execFileSync("npm", ["pack", "-w", "@sketchreel/cli", "--json", "--pack-destination", work], {
    cwd: join(CLI, "..", ".."),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  return join(work, filename);
}

describe("the npm package of the CLI, installed in an empty directory", { timeout: 180_000 }, () => {
  const workspaceManifest = readFileSync(join(CLI, "package.json"), "utf8");
  const tarball = npmPack();
  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
  // Its npm dependencies come from the registry, or the npm cache when it has them. onnxruntime-node's
  // install step would fetch optional CUDA libraries; the CPU build ships in the package.
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], {
    cwd: app,
    stdio: "pipe",
    env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: "skip" },
  });
  const installed = join(app, "node_modules", "@sketchreel", "cli");
  const sketchreel = (args: string[]) =>
    spawnSync("npx", ["--no-install", "sketchreel", ...args], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, THREADS: "1" },
    });

  it("ships the bundle, the embedded model, README and LICENSE, no sources, and only npm dependencies", () => {
    expect(readdirSync(installed).sort()).toEqual(["LICENSE", "README.md", "bin", "dist", "package.json"]);
    expect(existsSync(join(installed, "dist", EMBEDDED_MODEL_ID, "model_index.json"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies).filter((d) => d.startsWith("@sketchreel/"))).toEqual([]);
  });

  it("leaves the workspace as it was", () => {
    expect(readFileSync(join(CLI, "package.json"), "utf8")).toBe(workspaceManifest);
    expect(existsSync(join(CLI, "LICENSE"))).toBe(false);
  });

  it("prints its version and its commands", () => {
    const version = sketchreel(["--version"]);
    expect(version.stdout).toBe(`${JSON.parse(workspaceManifest).version}\n`);
    const help = sketchreel(["--help"]);
    expect(help.status).toBe(0);
    for (const name of ["generate", "models", "videos", "dev"])
      expect(help.stdout).toMatch(new RegExp(`^ {2}${name} `, "m"));
  });

  it("generates DESIGN.md's example with the embedded model: an H.264 MP4, and a GIF", async () => {
    const run = sketchreel(["generate", DESIGN_EXAMPLE, "--seed", "3", "-o", "out.mp4", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model).toMatchObject({ id: EMBEDDED_MODEL_ID, dir: join(installed, "dist", EMBEDDED_MODEL_ID) });
    expect(await probeVideo(join(app, "out.mp4"))).toMatchObject({ codec_name: "h264", nb_read_frames: "16" });
    const gif = sketchreel(["generate", "a red ball falls", "-o", "out.gif"]);
    expect(gif.status, gif.stderr).toBe(0);
    expect(readFileSync(join(app, "out.gif")).subarray(0, 6).toString()).toBe("GIF89a");
  });

  it("says that the local stack needs a clone", () => {
    const dev = sketchreel(["dev"]);
    expect(dev.status).toBe(1);
    expect(dev.stderr).toContain("sketchreel dev needs a clone of the Sketchreel repository");
  });
});
