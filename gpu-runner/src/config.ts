import { hostname } from "node:os";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { z } from "zod";

/**
 * The runner's configuration: the ONLY module of the runner that reads `process.env`. Everything is
 * validated at start-up; a bad or missing variable fails fast with one line per variable naming it
 * and the rule. The pipeline part (`loadPipelineConfig`) is shared with `sketchreel generate`, and
 * the rule builders (`envRules`, `parseEnv`) with the CLI's and the local stack's own config modules.
 */

const DEVICES = ["cpu", "cuda"] as const;
const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** `what` tells a user who left the variable out what to put in it. */
const required = (name: string, what?: string) =>
  z.string({ error: what ? `${name} is required: ${what}` : `${name} is required` });
const httpUrl = (name: string, what?: string) =>
  required(name, what).refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), {
    error: (issue) => `${name} must be an absolute http(s) URL (got "${String(issue.input)}")`,
  });
const int = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be an integer` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` })
    .default(fallback);
const bool = (name: string, fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
const text = (name: string, what?: string) => required(name, what).min(1, { error: `${name} must not be empty` });

/** Rule builders for environment variables; each error names the variable and the rule. */
export const envRules = { required, httpUrl, int, bool, text };

/** The pipeline part, shared by `sketchreel runner` and anything else that loads a model. */
const PipelineEnv = z.object({
  MODEL_DIR: text("MODEL_DIR").default(EMBEDDED_MODEL_DIR),
  DEVICE: z.enum(DEVICES, { error: `DEVICE must be one of ${DEVICES.join(", ")}` }).default("cpu"),
  THREADS: int("THREADS", 0, 1024, 0),
  FFMPEG_PATH: text("FFMPEG_PATH").default("ffmpeg"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
});

const RunnerEnv = PipelineEnv.extend({
  EDGE_URL: httpUrl("EDGE_URL"),
  RUNNER_TOKEN: text("RUNNER_TOKEN"),
  RUNNER_ID: text("RUNNER_ID").default(`${hostname()}-${process.pid}`),
  S3_ENDPOINT: httpUrl("S3_ENDPOINT").optional(),
  S3_REGION: text("S3_REGION").default("us-east-1"),
  S3_BUCKET: text("S3_BUCKET"),
  S3_ACCESS_KEY_ID: text("S3_ACCESS_KEY_ID").optional(),
  S3_SECRET_ACCESS_KEY: text("S3_SECRET_ACCESS_KEY").optional(),
  S3_FORCE_PATH_STYLE: bool("S3_FORCE_PATH_STYLE", false),
  S3_CACHE_CONTROL: text("S3_CACHE_CONTROL").default("public, max-age=31536000, immutable"),
  PORT: int("PORT", 0, 65535, 9464),
  LEASE_WAIT_MS: int("LEASE_WAIT_MS", 0, 30_000, 20_000),
  HEARTBEAT_INTERVAL_MS: int("HEARTBEAT_INTERVAL_MS", 100, 60_000, 2_000),
  SHUTDOWN_GRACE_MS: int("SHUTDOWN_GRACE_MS", 0, 600_000, 30_000),
  MAX_JOB_MS: int("MAX_JOB_MS", 0, 86_400_000, 0),
}).refine((e) => !e.S3_ACCESS_KEY_ID === !e.S3_SECRET_ACCESS_KEY, {
  error: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left out for the default chain)",
  path: ["S3_SECRET_ACCESS_KEY"],
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface PipelineConfig {
  modelDir: string;
  device: (typeof DEVICES)[number];
  /** 0 = let onnxruntime decide. */
  threads: number;
  ffmpegPath: string;
  logLevel: LogLevel;
}

export interface S3Config {
  endpoint?: string;
  region: string;
  bucket: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  cacheControl: string;
}

export interface RunnerConfig extends PipelineConfig {
  edgeUrl: string;
  runnerToken: string;
  runnerId: string;
  s3: S3Config;
  port: number;
  leaseWaitMs: number;
  heartbeatIntervalMs: number;
  shutdownGraceMs: number;
  /** The longest one job may run; 0 = the model package's max job duration. */
  maxJobMs: number;
}

export type Env = Record<string, string | undefined>;

/** Thrown once with every problem; `problems` are "VARIABLE: rule" lines. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
}

/** Parses an environment with a zod schema of `envRules`, or throws one `ConfigError` listing every problem. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  // Empty strings count as unset, as in most process managers' env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
}

/** The problems a loader reports for `env` ("VARIABLE: rule" lines), or [] when it accepts it. */
export function configProblems<E extends Env>(load: (env: E) => unknown, env: E): string[] {
  try {
    load(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

function toPipelineConfig(e: z.infer<typeof PipelineEnv>): PipelineConfig {
  return {
    modelDir: e.MODEL_DIR,
    device: e.DEVICE,
    threads: e.THREADS,
    ffmpegPath: e.FFMPEG_PATH,
    logLevel: e.LOG_LEVEL,
  };
}

/** Model, device and encoder settings (no edge or S3): what `sketchreel generate` needs. */
export function loadPipelineConfig(env: Env = process.env): PipelineConfig {
  return toPipelineConfig(parseEnv(PipelineEnv, env));
}

/** Everything `sketchreel runner` needs. */
export function loadRunnerConfig(env: Env = process.env): RunnerConfig {
  const e = parseEnv(RunnerEnv, env);
  return {
    ...toPipelineConfig(e),
    edgeUrl: e.EDGE_URL.replace(/\/+$/, ""),
    runnerToken: e.RUNNER_TOKEN,
    runnerId: e.RUNNER_ID,
    s3: {
      ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
      region: e.S3_REGION,
      bucket: e.S3_BUCKET,
      ...(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } }
        : {}),
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
      cacheControl: e.S3_CACHE_CONTROL,
    },
    port: e.PORT,
    leaseWaitMs: e.LEASE_WAIT_MS,
    heartbeatIntervalMs: e.HEARTBEAT_INTERVAL_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    maxJobMs: e.MAX_JOB_MS,
  };
}
