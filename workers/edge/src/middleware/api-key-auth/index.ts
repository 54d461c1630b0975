import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";
import type { Scope } from "../../keys/key-record.js";
import { KeyStore } from "../../keys/key-store.js";

export interface ApiKeyAuthOptions {
  /** The scope a request needs, by method and path. */
  scopeFor: (method: string, path: string) => Scope;
}

const CHALLENGE = 'Bearer realm="sketchreel"';

/** Authenticate `Authorization: Bearer sr_…`; set `c.var.principal`; 401 unknown/revoked, 403 missing scope. */
export function apiKeyAuth(options: ApiKeyAuthOptions): MiddlewareHandler<AppEnv> {
  if (typeof options.scopeFor !== "function") throw new Error("apiKeyAuth: scopeFor is required");
  return async function apiKeyAuthMiddleware(c, next) {
    const secret = parseBearer(c.req.header("authorization"));
    if (!secret) {
      throw new ApiError(401, "unauthorized", "missing API key: send Authorization: Bearer sr_live_…", {
        headers: { "WWW-Authenticate": CHALLENGE },
      });
    }
    const record = await new KeyStore(c.env.KEYS).findBySecret(secret);
    if (!record || record.revoked_at) {
      const detail = record ? "this API key has been revoked" : "invalid API key";
      throw new ApiError(401, "unauthorized", detail, {
        headers: { "WWW-Authenticate": `${CHALLENGE}, error="invalid_token"` },
      });
    }
    const scope = options.scopeFor(c.req.method, c.req.path);
    if (!record.scopes.includes(scope)) {
      throw new ApiError(403, "forbidden", `this API key lacks the ${scope} scope`, {
        headers: { "WWW-Authenticate": `${CHALLENGE}, error="insufficient_scope", scope="${scope}"` },
      });
    }
    c.set("principal", { keyId: record.id, tenantId: record.tenant_id, scopes: record.scopes, tier: record.tier });
    await next();
  };
}

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive), or null. */
export function parseBearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+([^\s]+)\s*$/i);
  return match?.[1] ?? null;
}
