import type { MiddlewareHandler } from "hono";
import { requestId as honoRequestId } from "hono/request-id";
import { newId } from "../../crypto.js";
import type { AppEnv } from "../../env.js";

export interface RequestIdOptions {
  /** Header read from the client and written on every response. */
  headerName?: string;
  /** Longest client-supplied id accepted; longer or odd ones are replaced. */
  limitLength?: number;
}

/**
 * hono's request-id: a client's `X-Request-Id` is kept when it is at most `limitLength` characters of
 * `[A-Za-z0-9_=-]`, else replaced by a fresh `req_` + 24 base62 id; it becomes `c.var.requestId` and
 * is echoed on the response (problem+json bodies quote it as `request_id`).
 */
export function requestId(options: RequestIdOptions = {}): MiddlewareHandler<AppEnv> {
  const headerName = options.headerName ?? "X-Request-Id";
  const limitLength = options.limitLength ?? 128;
  if (limitLength < 8) throw new Error("requestId: limitLength must be at least 8");
  return honoRequestId({ headerName, limitLength, generator: () => newId("req") });
}
