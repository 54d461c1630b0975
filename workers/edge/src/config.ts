import { DEFAULT_FRAME_ANCESTORS, parseFrameAncestors } from "./embed/frame-ancestors.js";
import type { Bindings } from "./env.js";
import type { KeyTier } from "./keys/key-record.js";
import { resolveTierLimits, type TierLimits } from "./tiers.js";
import { DEFAULT_RETRY_SCHEDULE, parseRetrySchedule } from "./webhooks/retry-schedule.js";
import { classifyHost, type WebhookUrlPolicy } from "./webhooks/ssrf.js";

export type Environment = "development" | "production";

/** Typed configuration, parsed once per isolate from the vars in wrangler.jsonc. */
export interface Config {
  environment: Environment;
  publicBaseUrl: string;
  leaseTtlMs: number;
  maxAttempts: number;
  presignTtlS: number;
  /** Delay before each webhook attempt (ms); its length is the number of automatic attempts. */
  webhookRetrySchedule: number[];
  /** How long a tenant's previous webhook secret still signs after a rotation (s). */
  webhookSecretGraceS: number;
  webhookUrlPolicy: WebhookUrlPolicy;
  allowLoopbackWebhooks: boolean;
  /** Edge-cache lifetime of a share lookup (embed page, oEmbed, media redirect), s. */
  embedCacheTtlS: number;
  /** Share lookups per minute per client IP that miss the edge cache (and so reach the JobQueue). */
  embedLookupsPerMinute: number;
  /** CSP `frame-ancestors` of the embed page: who may iframe it (`FRAME_ANCESTORS`, Notion by default). */
  frameAncestors: string;
  tiers: Record<KeyTier, TierLimits>;
  /**
   * JobQueue shard counts this deployment has had, oldest first; the last is the current one.
   * `QUEUE_SHARDS` is one count ("4") or its history when grown ("4,16"): shards are only added.
   */
  queueShards: number[];
}

/** The deployment's vars break a rule: the edge refuses to serve (fails closed) until they are fixed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

const DEV_BASE_URL = "http://127.0.0.1:8787";
const cache = new WeakMap<object, Config>();

/** Parse and check the vars; throws ConfigError listing every problem. Cached per env object. */
export function readConfig(env: Bindings): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const problems: string[] = [];
  const check = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return fallback;
    }
  };
  const environment = check(() => parseEnvironment(env.ENVIRONMENT), "production");
  const production = environment === "production";
  const loopbackAsked = env.WEBHOOK_ALLOW_LOOPBACK === "true";
  if (production && loopbackAsked) problems.push("WEBHOOK_ALLOW_LOOPBACK must not be true in production");
  const allowLoopbackWebhooks = !production && loopbackAsked;
  const config: Config = {
    environment,
    publicBaseUrl: check(() => parseBaseUrl(env.PUBLIC_BASE_URL, production), DEV_BASE_URL),
    leaseTtlMs: check(() => positiveInt("LEASE_TTL_MS", env.LEASE_TTL_MS, 30_000), 30_000),
    maxAttempts: check(() => positiveInt("MAX_ATTEMPTS", env.MAX_ATTEMPTS, 3), 3),
    presignTtlS: check(() => positiveInt("PRESIGN_TTL_S", env.PRESIGN_TTL_S, 300), 300),
    webhookRetrySchedule: check(() => parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE || DEFAULT_RETRY_SCHEDULE), []),
    webhookSecretGraceS: check(() => positiveInt("WEBHOOK_SECRET_GRACE_S", env.WEBHOOK_SECRET_GRACE_S, 86_400), 0),
    webhookUrlPolicy: { allowHttp: !production, allowLoopback: allowLoopbackWebhooks },
    allowLoopbackWebhooks,
    embedCacheTtlS: check(() => positiveInt("EMBED_CACHE_TTL_S", env.EMBED_CACHE_TTL_S, 60), 60),
    embedLookupsPerMinute: check(() => positiveInt("EMBED_LOOKUPS_PER_MINUTE", env.EMBED_LOOKUPS_PER_MINUTE, 60), 60),
    frameAncestors: check(() => parseFrameAncestors(env.FRAME_ANCESTORS, production), DEFAULT_FRAME_ANCESTORS),
    tiers: check(() => resolveTierLimits(env.TIER_LIMITS), resolveTierLimits("")),
    queueShards: check(() => parseShardCounts(env.QUEUE_SHARDS), [DEFAULT_QUEUE_SHARDS]),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  cache.set(env, config);
  return config;
}

/** Unset means production: a deployment that forgot the var gets the strict rules. */
function parseEnvironment(raw: string | undefined): Environment {
  if (raw === undefined || raw === "" || raw === "production") return "production";
  if (raw === "development") return "development";
  throw new Error(`ENVIRONMENT must be "production" or "development" (got "${raw}")`);
}

/** In production an https origin on a public host; in development anything, loopback by default. */
function parseBaseUrl(raw: string | undefined, production: boolean): string {
  if (!raw) {
    if (production) throw new Error("PUBLIC_BASE_URL must be set in production (the https origin clients use)");
    return DEV_BASE_URL;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_BASE_URL must be an absolute URL (got "${raw}")`);
  }
  if (production) {
    if (url.protocol !== "https:") throw new Error(`PUBLIC_BASE_URL must use https in production (got "${raw}")`);
    const kind = classifyHost(url.hostname.toLowerCase().replace(/^\[|\]$/g, ""));
    if (kind !== "public") throw new Error(`PUBLIC_BASE_URL must not be a ${kind} host in production (got "${raw}")`);
  }
  return raw.replace(/\/+$/, "");
}

/** `QUEUE_SHARDS`: "4", or the counts it grew through ("4,16"), strictly ascending, each ≤ MAX_QUEUE_SHARDS. */
export function parseShardCounts(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === "") return [DEFAULT_QUEUE_SHARDS];
  const counts = raw.split(",").map((part) => Number(part.trim()));
  const valid = counts.every(
    (n, i) => Number.isInteger(n) && n >= 1 && n <= MAX_QUEUE_SHARDS && n > (counts[i - 1] ?? 0),
  );
  if (!valid) {
    throw new Error(
      `QUEUE_SHARDS must be a shard count from 1 to ${MAX_QUEUE_SHARDS}, or the counts it grew through in ascending order, e.g. "4,16" (got "${raw}"): shards are only ever added`,
    );
  }
  return counts;
}

export const DEFAULT_QUEUE_SHARDS = 4;
/** Two base62 characters of shard tag in every id (DESIGN: ids route to their shard without a lookup). */
export const MAX_QUEUE_SHARDS = 62 * 62;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}
