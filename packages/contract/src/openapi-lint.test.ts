import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint --format=json` with the package's redocly.yaml; offline (no telemetry, no update check). */
async function lint(file: string): Promise<{ report: LintReport; problems: string[] }> {
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  const args = ["--no-install", "redocly", "lint", file, "--config", join(root, "redocly.yaml"), "--format", "json"];
  // Exit code 1 means errors were found; the report says which, so it decides.
  const { stdout } = await promisify(execFile)("npx", args, { cwd: root, env, maxBuffer: 16 << 20 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
  );
  const report = JSON.parse(stdout) as LintReport;
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
  return { report, problems };
}

describe("openapi.json under Redocly CLI's recommended rules", () => {
  it("has no error and no warning", { timeout: 60_000 }, async () => {
    const { report, problems } = await lint(join(root, "openapi.json"));
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("would catch a public operation without `security: []`, a redirect-only operation and a bare license", {
    timeout: 60_000,
  }, async () => {
    const doc = JSON.parse(readFileSync(join(root, "openapi.json"), "utf8"));
    delete doc.paths["/oembed"].get.security;
    delete doc.paths["/v1/videos/{id}/content"].get.responses.default;
    doc.info.license = { name: "Apache-2.0" };
    const file = join(mkdtempSync(join(tmpdir(), "openapi-lint-")), "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const { report, problems } = await lint(file);
    expect(report.totals).toMatchObject({ errors: 1, warnings: 2 });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "error security-defined",
      "warn info-license-strict",
      "warn operation-2xx-response",
    ]);
  });
});
