import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { describe, expect, it } from "vitest";
import { configProblems, loadPipelineConfig, loadRunnerConfig } from "./config.js";

const minimal = { EDGE_URL: "http://127.0.0.1:8787/", RUNNER_TOKEN: "rt_secret", S3_BUCKET: "videos" };

const problems = (env: Record<string, string>, load: (env: Record<string, string>) => unknown = loadRunnerConfig) =>
  configProblems(load, env);

describe("loadRunnerConfig", () => {
  it("applies documented defaults to a minimal environment", () => {
    const c = loadRunnerConfig(minimal);
    expect(c).toMatchObject({
      edgeUrl: "http://127.0.0.1:8787",
      modelDir: EMBEDDED_MODEL_DIR,
      device: "cpu",
      threads: 0,
      port: 9464,
      leaseWaitMs: 20_000,
      heartbeatIntervalMs: 2_000,
      logLevel: "info",
      s3: { bucket: "videos", region: "us-east-1", forcePathStyle: false },
    });
    expect(c.s3.credentials).toBeUndefined();
    expect(EMBEDDED_MODEL_DIR).toMatch(/gpu-runner\/models\/shape-world-tiny$/);
  });

  it("reads S3 settings for an S3-compatible server", () => {
    const c = loadRunnerConfig({
      ...minimal,
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "AK",
      S3_SECRET_ACCESS_KEY: "SK",
      THREADS: "4",
      DEVICE: "cuda",
    });
    expect(c.s3).toMatchObject({
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
    });
    expect(c.threads).toBe(4);
    expect(c.device).toBe("cuda");
  });

  it("names every missing required variable at once", () => {
    expect(problems({})).toEqual([
      "EDGE_URL: EDGE_URL is required",
      "RUNNER_TOKEN: RUNNER_TOKEN is required",
      "S3_BUCKET: S3_BUCKET is required",
    ]);
  });

  it("names the variable and the rule for bad values", () => {
    const p = problems({
      ...minimal,
      DEVICE: "tpu",
      LEASE_WAIT_MS: "60000",
      EDGE_URL: "ftp://x",
      S3_FORCE_PATH_STYLE: "yes",
    });
    expect(p).toContain("DEVICE: DEVICE must be one of cpu, cuda");
    expect(p).toContain("LEASE_WAIT_MS: LEASE_WAIT_MS must be at most 30000");
    expect(p).toContain('EDGE_URL: EDGE_URL must be an absolute http(s) URL (got "ftp://x")');
    expect(p).toContain("S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true or false");
  });

  it("requires both S3 keys or neither", () => {
    expect(problems({ ...minimal, S3_ACCESS_KEY_ID: "AK" })).toEqual([
      "S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left out for the default chain)",
    ]);
  });

  it("treats empty strings as unset", () => {
    expect(loadRunnerConfig({ ...minimal, DEVICE: "", PORT: "" })).toMatchObject({ device: "cpu", port: 9464 });
  });
});

describe("loadPipelineConfig", () => {
  it("needs nothing from the edge or S3", () => {
    expect(loadPipelineConfig({ THREADS: "2" })).toEqual({
      modelDir: EMBEDDED_MODEL_DIR,
      device: "cpu",
      threads: 2,
      ffmpegPath: "ffmpeg",
      logLevel: "info",
    });
  });
});
