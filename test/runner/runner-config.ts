import type { RunnerConfig } from "@sketchreel/gpu-runner";
import { TINY_MODEL_DIR } from "@sketchreel/pipeline/test-fixtures";
import type { LocalEdge } from "../support/edge.js";
import type { LocalS3 } from "./s3-server.js";

/** A runner configuration for in-process services against a test edge and S3: tiny model, one thread, quick polls. */
export function testRunnerConfig(edge: LocalEdge, s3: LocalS3, over: Partial<RunnerConfig> = {}): RunnerConfig {
  return {
    modelDir: TINY_MODEL_DIR,
    device: "cpu",
    threads: 1,
    ffmpegPath: "ffmpeg",
    logLevel: "debug",
    edgeUrl: edge.url,
    runnerToken: edge.runnerToken,
    runnerId: "runner-test",
    s3: s3.config,
    port: 0,
    leaseWaitMs: 500,
    heartbeatIntervalMs: 50,
    shutdownGraceMs: 10_000,
    maxJobMs: 0,
    ...over,
  };
}
