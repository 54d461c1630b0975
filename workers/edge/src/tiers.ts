import { KEY_TIERS, type KeyTier } from "./keys/key-record.js";

export interface TierLimits {
  requests_per_minute: number;
  max_concurrent_jobs: number;
  daily_compute_units: number;
  /** Days a video's record and objects are kept after it was created (then deleted by an alarm). */
  retention_days: number;
}

/** Defaults per key tier; `TIER_LIMITS` (JSON, partial) overrides them per deployment. */
export const DEFAULT_TIER_LIMITS: Record<KeyTier, TierLimits> = {
  free: { requests_per_minute: 60, max_concurrent_jobs: 2, daily_compute_units: 2_000, retention_days: 30 },
  pro: { requests_per_minute: 600, max_concurrent_jobs: 16, daily_compute_units: 200_000, retention_days: 30 },
  internal: {
    requests_per_minute: 6_000,
    max_concurrent_jobs: 256,
    daily_compute_units: 10_000_000,
    retention_days: 30,
  },
};

/** The longest retention a tier may ask for (ten years): an expiry must fit an alarm's clock. */
export const MAX_RETENTION_DAYS = 3650;

export function resolveTierLimits(raw: string | undefined): Record<KeyTier, TierLimits> {
  if (!raw) return DEFAULT_TIER_LIMITS;
  const overrides = JSON.parse(raw) as Partial<Record<KeyTier, Partial<TierLimits>>>;
  const merged = { ...DEFAULT_TIER_LIMITS };
  for (const tier of KEY_TIERS) {
    merged[tier] = { ...DEFAULT_TIER_LIMITS[tier], ...overrides[tier] };
    const days = merged[tier].retention_days;
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
      throw new Error(
        `TIER_LIMITS.${tier}.retention_days must be an integer from 1 to ${MAX_RETENTION_DAYS} (got ${days})`,
      );
    }
  }
  return merged;
}

/** Compute units of one job: frames × steps × pixels / 2^20, rounded up. */
export function computeUnits(p: { width: number; height: number; num_frames: number; num_inference_steps: number }) {
  return Math.max(1, Math.ceil((p.num_frames * p.num_inference_steps * p.width * p.height) / 2 ** 20));
}
