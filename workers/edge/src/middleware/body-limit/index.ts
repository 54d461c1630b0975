import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";

export interface BodyLimitOptions {
  maxBytes: number;
}

/** Refuse bodies over `maxBytes` with 413 problem+json: by Content-Length, or by reading when chunked. */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const { maxBytes } = options;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new Error("bodyLimit: maxBytes must be a positive integer");
  const tooLarge = (size: number | string) =>
    new ApiError(413, "payload_too_large", `the request body is ${size} bytes; the limit is ${maxBytes} bytes`);
  return async function bodyLimitMiddleware(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD" || !c.req.raw.body) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(declared);
    if (declared === undefined) {
      // Chunked: buffer (hono caches it for the validator) and measure.
      const size = (await c.req.arrayBuffer()).byteLength;
      if (size > maxBytes) throw tooLarge(size);
    }
    await next();
  };
}
