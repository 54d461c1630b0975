import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildPlugin } from "../scripts/build.js";
import { buildManifest, DEV_DEFAULTS, parseAllowedDomains } from "../scripts/manifest.js";
import { REGENERATE_RELAUNCH } from "../src/shared/messages.js";

const out = mkdtempSync(join(tmpdir(), "sketchreel-figma-build-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("manifest and build", () => {
  it("the committed manifest.json is the dev manifest (rebuild it with scripts/manifest.ts if this fails)", () => {
    const committed = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8"));
    expect(committed).toEqual(buildManifest({ ...DEV_DEFAULTS, main: "dist/code.js", ui: "dist/ui.html" }));
    expect(committed.documentAccess).toBe("dynamic-page");
  });

  it("allows exactly the configured API and storage origins", () => {
    const manifest = buildManifest({
      apiOrigin: "https://api.example.com/v1",
      storageOrigin: "https://bucket.s3.amazonaws.com",
      main: "code.js",
      ui: "ui.html",
    });
    expect(manifest.networkAccess.allowedDomains).toEqual([
      "https://api.example.com",
      "https://bucket.s3.amazonaws.com",
    ]);
    expect(manifest.networkAccess).not.toHaveProperty("devAllowedDomains");
    expect(() => buildManifest({ ...DEV_DEFAULTS, apiOrigin: "http://api.example.com", main: "", ui: "" })).toThrow(
      'apiOrigin must use https unless it is loopback (got "http://api.example.com")',
    );
  });

  it("allows the origins of the build setting too, and lists the Regenerate relaunch button", () => {
    const manifest = buildManifest({
      apiOrigin: "https://api.example.com",
      storageOrigin: "https://bucket.s3.amazonaws.com",
      allowedDomains: parseAllowedDomains("https://cdn.example.com, https://api.example.com"),
      main: "code.js",
      ui: "ui.html",
    });
    expect(manifest.networkAccess.allowedDomains).toEqual([
      "https://api.example.com",
      "https://bucket.s3.amazonaws.com",
      "https://cdn.example.com",
    ]);
    expect(manifest.relaunchButtons).toEqual([{ command: REGENERATE_RELAUNCH.command, name: "Regenerate" }]);
    expect(() => parseAllowedDomains("https://ok.example.com,http://plain.example.com")).toThrow(
      'SKETCHREEL_ALLOWED_DOMAINS must use https unless it is loopback (got "http://plain.example.com")',
    );
    expect(parseAllowedDomains(undefined)).toEqual([]);
  });

  it("reads the build settings from the environment (SKETCHREEL_API_ORIGIN, …_STORAGE_ORIGIN, …_ALLOWED_DOMAINS)", () => {
    const dir = join(out, "from-env");
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    execFileSync(
      process.execPath,
      [tsx, fileURLToPath(new URL("../scripts/build.ts", import.meta.url)), "--out", dir],
      {
        env: {
          ...process.env,
          SKETCHREEL_API_ORIGIN: "https://api.example.com",
          SKETCHREEL_STORAGE_ORIGIN: "https://bucket.example.com",
          SKETCHREEL_ALLOWED_DOMAINS: "https://cdn.example.com",
        },
        stdio: "pipe",
      },
    );
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.networkAccess.allowedDomains).toEqual([
      "https://api.example.com",
      "https://bucket.example.com",
      "https://cdn.example.com",
    ]);
    expect(readFileSync(join(dir, "ui.html"), "utf8")).toContain(
      '["https://api.example.com","https://bucket.example.com","https://cdn.example.com"]',
    );
  });

  it("builds code.js for the main thread and one self-contained ui.html", async () => {
    const built = await buildPlugin({
      outDir: out,
      apiOrigin: "https://api.example.com",
      storageOrigin: "https://cdn.example.com",
    });
    const html = readFileSync(built.ui, "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain("<!-- SCRIPT -->");
    expect(html).toContain('"https://api.example.com"');
    const code = readFileSync(built.code, "utf8");
    expect(code).toContain("figma.showUI(__html__");
    expect(code).not.toMatch(/\bdocument\.|\bwindow\./);
    expect(JSON.parse(readFileSync(built.manifest, "utf8")).main).toBe("code.js");
  });
});
