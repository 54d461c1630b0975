import { z } from "@hono/zod-openapi";
import { KeyId, Timestamp } from "./ids.js";
import { KeyTier } from "./usage.js";

export const SCOPES = ["videos:read", "videos:write"] as const;
export const Scope = z.enum(SCOPES).openapi("Scope");

export const CreateKeyRequest = z
  .object({
    tenant_id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: "tenant_id must be 1-64 lowercase letters, digits, _ or -" }),
    name: z.string().min(1).max(100).optional(),
    scopes: z.array(Scope).min(1).default(["videos:read", "videos:write"]),
    tier: KeyTier.default("free"),
    environment: z.enum(["live", "test"]).default("live"),
  })
  .strict()
  .openapi("CreateKeyRequest");

export const ApiKey = z
  .object({
    id: KeyId,
    object: z.literal("api_key"),
    tenant_id: z.string(),
    name: z.string().nullable(),
    prefix: z.string().openapi({ example: "sr_live_Ab12" }),
    scopes: z.array(Scope),
    tier: KeyTier,
    created_at: Timestamp,
    revoked_at: Timestamp.nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKey = ApiKey.extend({
  key: z.string().openapi({ description: "The secret. Shown once; only its SHA-256 is stored." }),
}).openapi("CreatedApiKey");
