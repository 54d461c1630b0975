import { z } from "@hono/zod-openapi";
import { Timestamp } from "./ids.js";

export const KEY_TIERS = ["free", "pro", "internal"] as const;
export const KeyTier = z.enum(KEY_TIERS).openapi("KeyTier");

export const Usage = z
  .object({
    object: z.literal("usage"),
    tenant_id: z.string(),
    tier: KeyTier,
    period: z.object({ start: Timestamp, end: Timestamp }),
    limits: z.object({
      requests_per_minute: z.number().int(),
      max_concurrent_jobs: z.number().int(),
      daily_compute_units: z.number().int(),
      retention_days: z
        .number()
        .int()
        .openapi({ description: "Days a video (record and files) is kept after its creation; then deleted." }),
    }),
    usage: z.object({
      compute_units: z.number().int().openapi({ description: "frames × steps × pixels / 2^20 admitted today." }),
      videos_created: z.number().int(),
      active_jobs: z.number().int(),
    }),
    queue: z.object({
      depth: z.number().int().openapi({ description: "Queued jobs across all tenants (autoscaling signal)." }),
      running: z.number().int(),
    }),
  })
  .openapi("Usage");
export type Usage = z.infer<typeof Usage>;
