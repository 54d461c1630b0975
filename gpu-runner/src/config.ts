import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * The configuration of the runner and the other commands of this package: the ONLY module that
 * reads `process.env`. Everything is validated at start-up; a bad or missing variable fails fast
 * with one line per variable naming it and the rule.
 */

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL("../models/shape-world-tiny", import.meta.url));

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

/** The pipeline part, shared by `sketchreel runner` and anything else that loads a model. */
const PipelineEnv = z.object({
  MODEL_DIR: text("MODEL_DIR").default(DEFAULT_MODEL_DIR),
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
}).refine((e) => !e.S3_ACCESS_KEY_ID === !e.S3_SECRET_ACCESS_KEY, {
  error: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left out for the default chain)",
  path: ["S3_SECRET_ACCESS_KEY"],
});

/** `sketchreel notion add`: Notion's side and the edge it reads the video from. */
const NotionEnv = z.object({
  NOTION_TOKEN: text("NOTION_TOKEN", "a Notion internal integration secret (ntn_… or secret_…)"),
  NOTION_API_BASE_URL: httpUrl("NOTION_API_BASE_URL").optional(),
  SKETCHREEL_API_KEY: text("SKETCHREEL_API_KEY", "a Sketchreel API key (sr_live_… or sr_test_…)"),
  SKETCHREEL_BASE_URL: httpUrl("SKETCHREEL_BASE_URL", "the edge's URL, e.g. http://127.0.0.1:8787"),
});

const EDGE_LOG_LEVELS = ["none", "error", "warn", "info", "log", "debug"] as const;

/** `sketchreel dev` (and the test stacks built on it). */
const DevEnv = z.object({
  SKETCHREEL_EDGE_LOG_LEVEL: z
    .enum(EDGE_LOG_LEVELS, { error: `SKETCHREEL_EDGE_LOG_LEVEL must be one of ${EDGE_LOG_LEVELS.join(", ")}` })
    .default("warn"),
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
}

export interface NotionConfig {
  notionToken: string;
  /** Notion's API origin; only tests and proxies change it. */
  notionBaseUrl: string | undefined;
  apiKey: string;
  baseUrl: string;
}

type Env = Record<string, string | undefined>;

export interface DevConfig {
  /** wrangler's log level in the local edge process. */
  edgeLogLevel: (typeof EDGE_LOG_LEVELS)[number];
  /** Inherited whole by the edge process (wrangler, tsx and workerd read PATH, HOME, TMPDIR, proxies…). */
  edgeEnv: Env;
  /** Inherited by runner processes: PATH (ffmpeg) and HOME; everything else they get is set explicitly. */
  runnerEnv: Env;
}

/** Thrown once with every problem; `problems` are "VARIABLE: rule" lines. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
}

function parse<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  // Empty strings count as unset, as in most process managers' env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
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
  return toPipelineConfig(parse(PipelineEnv, env));
}

/** Everything `sketchreel runner` needs. */
export function loadRunnerConfig(env: Env = process.env): RunnerConfig {
  const e = parse(RunnerEnv, env);
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
  };
}

/** What `sketchreel notion add` needs. */
export function loadNotionConfig(env: Env = process.env): NotionConfig {
  const e = parse(NotionEnv, env);
  return {
    notionToken: e.NOTION_TOKEN,
    notionBaseUrl: e.NOTION_API_BASE_URL,
    apiKey: e.SKETCHREEL_API_KEY,
    baseUrl: e.SKETCHREEL_BASE_URL,
  };
}

/** What the local stack passes on to the edge and runner processes it starts. */
export function loadDevConfig(env: Env = process.env): DevConfig {
  const e = parse(DevEnv, env);
  return {
    edgeLogLevel: e.SKETCHREEL_EDGE_LOG_LEVEL,
    edgeEnv: { ...env },
    runnerEnv: { PATH: env.PATH, HOME: env.HOME },
  };
}
