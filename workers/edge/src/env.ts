import type { KeyTier, Scope } from "./keys/key-record.js";

/** Bindings from wrangler.jsonc (typed by `wrangler types`) plus the secrets it cannot see. */
export interface Bindings extends Env {
  /** Bearer token of `/admin/*` (wrangler secret). */
  ADMIN_TOKEN: string;
  /** Bearer token of `/internal/*`, shared by runners (wrangler secret). */
  RUNNER_TOKEN: string;
  S3_SECRET_ACCESS_KEY: string;
  /**
   * Development only: the first webhook secret of every tenant (`whsec_<base64>`), so a local
   * stack's receivers can verify with one known secret. Ignored in production, where each tenant
   * gets its own random secret (`GET /v1/webhook-secret`).
   */
  WEBHOOK_SECRET?: string;
}

/** The calling API key, set by the api-key auth middleware. */
export interface ApiKeyPrincipal {
  keyId: string;
  tenantId: string;
  scopes: Scope[];
  tier: KeyTier;
}

export interface Variables {
  requestId: string;
  principal: ApiKeyPrincipal;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
