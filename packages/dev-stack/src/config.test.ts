import { configProblems } from "@sketchreel/gpu-runner/config";
import { describe, expect, it } from "vitest";
import { loadDevConfig } from "./config.js";

const problems = (env: Record<string, string>, load: (env: Record<string, string>) => unknown) =>
  configProblems(load, env);

describe("loadDevConfig", () => {
  it("passes the whole environment to the edge and only PATH and HOME to runners", () => {
    const env = { PATH: "/usr/bin", HOME: "/home/dev", TMPDIR: "/tmp/x", EDGE_URL: "http://elsewhere" };
    expect(loadDevConfig(env)).toEqual({
      edgeLogLevel: "warn",
      edgeEnv: env,
      runnerEnv: { PATH: "/usr/bin", HOME: "/home/dev" },
    });
  });

  it("checks the edge's log level", () => {
    expect(loadDevConfig({ SKETCHREEL_EDGE_LOG_LEVEL: "debug" }).edgeLogLevel).toBe("debug");
    expect(problems({ SKETCHREEL_EDGE_LOG_LEVEL: "loud" }, loadDevConfig)).toEqual([
      "SKETCHREEL_EDGE_LOG_LEVEL: SKETCHREEL_EDGE_LOG_LEVEL must be one of none, error, warn, info, log, debug",
    ]);
  });
});
