import type { MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { secretsEqual } from "../../crypto.js";
import type { AppEnv, Bindings } from "../../env.js";
import { ApiError } from "../../errors.js";

export interface BearerTokenOptions {
  /** Realm named in `WWW-Authenticate`. */
  realm: string;
  /** The expected token, read from the bindings (a wrangler secret). */
  token: (env: Bindings) => string | undefined;
}

/**
 * Shared-secret bearer auth (runner and admin tokens) on hono's `bearer-auth`: the token is compared
 * in constant time (SHA-256 digests, `crypto.subtle.timingSafeEqual`), and an unset secret admits
 * nobody. Every refusal is a 401 problem+json naming the scheme, with a `WWW-Authenticate` challenge
 * (RFC 6750: `error="invalid_request"` for a malformed header, `"invalid_token"` for a wrong token).
 */
export function bearerToken(options: BearerTokenOptions): MiddlewareHandler<AppEnv> {
  const { realm, token } = options;
  if (!realm) throw new Error("bearerToken: realm is required");
  if (!/^[\w.-]+$/.test(realm)) throw new Error(`bearerToken: realm must be a plain word (got "${realm}")`);
  const challenge = `Bearer realm="${realm}"`;
  // hono calls these to build its 401/400; raising our typed error instead lets the app's one
  // onError render problem+json (with the challenge) like every other refusal.
  const refuse = (detail: string, wwwAuthenticate: string) => () => {
    throw new ApiError(401, "unauthorized", detail, { headers: { "WWW-Authenticate": wwwAuthenticate } });
  };
  return bearerAuth<AppEnv>({
    realm,
    verifyToken: async (given, c) => secretsEqual(given, token(c.env) ?? ""),
    noAuthenticationHeader: {
      message: refuse(`missing bearer token for ${realm}: send Authorization: Bearer <token>`, challenge),
    },
    invalidAuthenticationHeader: {
      message: refuse(
        `malformed Authorization header for ${realm}: expected Bearer <token>`,
        `${challenge}, error="invalid_request"`,
      ),
    },
    invalidToken: { message: refuse(`invalid token for ${realm}`, `${challenge}, error="invalid_token"`) },
  });
}
