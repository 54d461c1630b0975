import type { MiddlewareHandler } from "hono";
import { newId } from "../../crypto.js";
import type { AppEnv } from "../../env.js";

export interface RequestIdOptions {
  /** Header read from the client and written on every response. */
  headerName?: string;
  /** Longest client-supplied id accepted; longer or odd ones are replaced. */
  limitLength?: number;
}

/** Accept a sane client `X-Request-Id` or mint one; expose it as `c.var.requestId` and echo it. */
export function requestId(options: RequestIdOptions = {}): MiddlewareHandler<AppEnv> {
  const headerName = options.headerName ?? "X-Request-Id";
  const limitLength = options.limitLength ?? 128;
  if (limitLength < 8) throw new Error("requestId: limitLength must be at least 8");
  return async function requestIdMiddleware(c, next) {
    const given = c.req.header(headerName);
    const id = given && given.length <= limitLength && /^[\w.:-]+$/.test(given) ? given : newId("req");
    c.set("requestId", id);
    c.header(headerName, id);
    await next();
    if (!c.res.headers.has(headerName)) c.res.headers.set(headerName, id);
  };
}
