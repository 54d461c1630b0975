import type { MiddlewareHandler } from "hono";
import { secretsEqual } from "../../crypto.js";
import type { AppEnv, Bindings } from "../../env.js";
import { ApiError } from "../../errors.js";

export interface BearerTokenOptions {
  /** Realm named in `WWW-Authenticate`. */
  realm: string;
  /** The expected token, read from the bindings (a wrangler secret). */
  token: (env: Bindings) => string | undefined;
}

/** Shared-secret bearer auth (runner and admin tokens), compared in constant time. */
export function bearerToken(options: BearerTokenOptions): MiddlewareHandler<AppEnv> {
  if (!options.realm) throw new Error("bearerToken: realm is required");
  const challenge = { "WWW-Authenticate": `Bearer realm="${options.realm}"` };
  return async function bearerTokenMiddleware(c, next) {
    const given = parseBearer(c.req.header("authorization"));
    if (!given)
      throw new ApiError(401, "unauthorized", `missing bearer token for ${options.realm}`, { headers: challenge });
    const expected = options.token(c.env);
    if (!expected || !(await secretsEqual(given, expected))) {
      throw new ApiError(401, "unauthorized", `invalid token for ${options.realm}`, {
        headers: { "WWW-Authenticate": `Bearer realm="${options.realm}", error="invalid_token"` },
      });
    }
    await next();
  };
}

export function parseBearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+([^\s]+)\s*$/i);
  return match?.[1] ?? null;
}
