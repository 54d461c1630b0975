import type { z } from "@hono/zod-openapi";
import type { CompletedOutput, JobState, ResolvedParams, Stage, TemplateValue, Variant } from "@sketchreel/contract";

export type StoredOutput = z.infer<typeof CompletedOutput>;

/** A job as the JobQueue Durable Object stores it (one JSON document per row). */
export interface JobRecord {
  id: string;
  tenant_id: string;
  key_id: string;
  status: JobState;
  model: { id: string; version: string };
  prompt: string;
  negative_prompt: string;
  template: { id: string; version: number; variables: Record<string, z.infer<typeof TemplateValue>> } | null;
  params: ResolvedParams;
  outputs_requested: Variant[];
  progress: { stage: Stage; step: number; total_steps: number };
  outputs: StoredOutput[];
  error: { code: string; message: string; retryable: boolean } | null;
  attempts: number;
  share_id: string;
  webhook_url: string | null;
  metadata: Record<string, string>;
  timings_ms?: Record<string, number>;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  output_prefix: string;
  cache_key: string;
  compute_units: number;
  cancel_requested: boolean;
  /** `deadline`: this attempt's lease is never extended past it (the model's max job duration). */
  lease: { id: string; runner_id: string; expires_at: number; deadline?: number } | null;
  /** Bumped on every change; SSE watchers wait for it to move. */
  version: number;
  /** The caller fixed the seed: only such jobs are served from the result cache (absent before #17). */
  seed_fixed?: boolean;
  /** Epoch ms after which the record and its objects are deleted (the tier's retention; absent before #17). */
  expires_ms?: number;
}

export const outputPrefix = (tenantId: string, videoId: string) => `t/${tenantId}/${videoId}/`;
