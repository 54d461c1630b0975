import type { DevInfo } from "@sketchreel/dev-stack";
import { describe, expect, it } from "vitest";
import { readyLine } from "./run-dev.js";

describe("sketchreel dev --json", () => {
  it("prints dev.json's fields without its secrets, and where dev.json is", () => {
    const info: DevInfo = {
      apiUrl: "http://127.0.0.1:8787",
      apiKey: "sr_test_secret",
      adminToken: "adm_secret",
      runnerToken: "rnr_secret",
      webhookSecret: "whsec_secret",
      s3Endpoint: "http://127.0.0.1:4568",
      s3Bucket: "sketchreel",
      s3AccessKeyId: "S3RVER",
      s3SecretAccessKey: "S3RVER_secret",
      modelDir: null,
      pid: 1,
      edgePid: 2,
      runners: [{ id: "r1", pid: 3 }],
      logsDir: "/tmp/logs",
      startedAt: "2026-11-25T12:00:00Z",
    };
    const line = readyLine(info, "/tmp/.sketchreel/dev.json");
    expect(JSON.stringify(line)).not.toMatch(/secret/);
    expect(line).toEqual({
      ready: true,
      apiUrl: "http://127.0.0.1:8787",
      s3Endpoint: "http://127.0.0.1:4568",
      s3Bucket: "sketchreel",
      s3AccessKeyId: "S3RVER",
      modelDir: null,
      pid: 1,
      edgePid: 2,
      runners: [{ id: "r1", pid: 3 }],
      logsDir: "/tmp/logs",
      startedAt: "2026-11-25T12:00:00Z",
      devJson: "/tmp/.sketchreel/dev.json",
    });
  });
});
