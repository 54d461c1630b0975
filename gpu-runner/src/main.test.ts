import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/sketchreel-runner.mjs", import.meta.url));

function runRunner(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, _out, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stderr }),
    );
  });
}

describe("sketchreel runner: start-up errors", () => {
  it("exits 2 naming every missing variable, before loading anything", async () => {
    const { code, stderr } = await runRunner({ DEVICE: "tpu" });
    expect(code).toBe(2);
    expect(stderr).toContain("EDGE_URL: EDGE_URL is required");
    expect(stderr).toContain("RUNNER_TOKEN: RUNNER_TOKEN is required");
    expect(stderr).toContain("S3_BUCKET: S3_BUCKET is required");
    expect(stderr).toContain("DEVICE: DEVICE must be one of cpu, cuda");
  });

  it("exits 2 when MODEL_DIR holds no model package", async () => {
    const empty = await mkdtemp(join(tmpdir(), "no-model-"));
    try {
      const { code, stderr } = await runRunner({
        EDGE_URL: "http://127.0.0.1:9",
        RUNNER_TOKEN: "t",
        S3_BUCKET: "b",
        MODEL_DIR: empty,
      });
      expect(code).toBe(2);
      expect(stderr).toContain(`no model package at ${empty}`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
