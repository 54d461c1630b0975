import type { z } from "@hono/zod-openapi";
import type { ApiKey, KeyTier as KeyTierSchema, Scope as ScopeSchema } from "@sketchreel/contract";

export { KEY_TIERS, SCOPES } from "@sketchreel/contract";
export type KeyTier = z.infer<typeof KeyTierSchema>;
export type Scope = z.infer<typeof ScopeSchema>;

/** What KV stores per key (under the SHA-256 of the secret); the secret itself is never stored. */
export interface KeyRecord extends z.infer<typeof ApiKey> {
  hash: string;
}
