import { type Env, parseEnv } from "@sketchreel/gpu-runner/config";
import { z } from "zod";

/** The local stack's configuration: the ONLY module of this package that reads `process.env`. */

const EDGE_LOG_LEVELS = ["none", "error", "warn", "info", "log", "debug"] as const;

const DevEnv = z.object({
  SKETCHREEL_EDGE_LOG_LEVEL: z
    .enum(EDGE_LOG_LEVELS, { error: `SKETCHREEL_EDGE_LOG_LEVEL must be one of ${EDGE_LOG_LEVELS.join(", ")}` })
    .default("warn"),
});

export interface DevConfig {
  /** wrangler's log level in the local edge process. */
  edgeLogLevel: (typeof EDGE_LOG_LEVELS)[number];
  /** Inherited whole by the edge process (wrangler, tsx and workerd read PATH, HOME, TMPDIR, proxies…). */
  edgeEnv: Env;
  /** Inherited by runner processes: PATH (ffmpeg) and HOME; everything else they get is set explicitly. */
  runnerEnv: Env;
}

/** What the local stack passes on to the edge and runner processes it starts. */
export function loadDevConfig(env: Env = process.env): DevConfig {
  const e = parseEnv(DevEnv, env);
  return {
    edgeLogLevel: e.SKETCHREEL_EDGE_LOG_LEVEL,
    edgeEnv: { ...env },
    runnerEnv: { PATH: env.PATH, HOME: env.HOME },
  };
}
