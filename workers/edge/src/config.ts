import type { Bindings } from "./env.js";
import type { KeyTier } from "./keys/key-record.js";
import { resolveTierLimits, type TierLimits } from "./tiers.js";

/** Typed configuration, parsed once per isolate from the vars in wrangler.jsonc. */
export interface Config {
  environment: string;
  publicBaseUrl: string;
  leaseTtlMs: number;
  maxAttempts: number;
  presignTtlS: number;
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
  allowLoopbackWebhooks: boolean;
  tiers: Record<KeyTier, TierLimits>;
}

const cache = new WeakMap<object, Config>();

export function readConfig(env: Bindings): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const config: Config = {
    environment: env.ENVIRONMENT || "production",
    publicBaseUrl: (env.PUBLIC_BASE_URL || "http://127.0.0.1:8787").replace(/\/+$/, ""),
    leaseTtlMs: positiveInt("LEASE_TTL_MS", env.LEASE_TTL_MS, 30_000),
    maxAttempts: positiveInt("MAX_ATTEMPTS", env.MAX_ATTEMPTS, 3),
    presignTtlS: positiveInt("PRESIGN_TTL_S", env.PRESIGN_TTL_S, 300),
    webhookRetryBaseMs: positiveInt("WEBHOOK_RETRY_BASE_MS", env.WEBHOOK_RETRY_BASE_MS, 2_000),
    webhookMaxAttempts: positiveInt("WEBHOOK_MAX_ATTEMPTS", env.WEBHOOK_MAX_ATTEMPTS, 6),
    allowLoopbackWebhooks: env.ENVIRONMENT === "development" && env.WEBHOOK_ALLOW_LOOPBACK === "true",
    tiers: resolveTierLimits(env.TIER_LIMITS),
  };
  cache.set(env, config);
  return config;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}
