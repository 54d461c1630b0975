import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";

export interface BodyLimitOptions {
  maxBytes: number;
}

/**
 * Refuse bodies over `maxBytes` with 413 problem+json: at once by Content-Length, or, for a chunked
 * body, as soon as the bytes read pass the limit (hono's body-limit reads at most `maxBytes` plus one
 * chunk, so an endless body is answered promptly). Mount it after authentication: an unauthenticated
 * request is refused before a byte of its body is read.
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const { maxBytes } = options;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new Error("bodyLimit: maxBytes must be a positive integer");
  const limit = honoBodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const declared = c.req.raw.headers.get("content-length");
      const size = declared && !c.req.raw.headers.has("transfer-encoding") ? `${declared} bytes` : "over the limit";
      throw new ApiError(413, "payload_too_large", `the request body is ${size}; the limit is ${maxBytes} bytes`);
    },
  });
  return async function bodyLimitMiddleware(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return limit(c, next);
  };
}
