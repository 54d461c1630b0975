import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

export interface ApiCorsOptions {
  /** Seconds browsers may cache a preflight (default 600). */
  maxAgeS?: number;
}

/**
 * CORS for the public API (`/v1/*`), so browsers, the Figma plugin UI (a null-origin iframe) and
 * other web clients can call it. Any origin: requests authenticate with a bearer API key, never
 * cookies, so no credentials mode. Must run before auth: preflights carry no Authorization header.
 */
export function apiCors(options: ApiCorsOptions = {}): MiddlewareHandler {
  const maxAge = options.maxAgeS ?? 600;
  if (!Number.isInteger(maxAge) || maxAge < 0)
    throw new Error(`apiCors: maxAgeS must be a non-negative integer (got ${maxAge})`);
  return cors({
    origin: "*",
    allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "Prefer", "Accept", "Last-Event-ID"],
    exposeHeaders: [
      "X-Request-Id",
      "Location",
      "Retry-After",
      "RateLimit",
      "RateLimit-Policy",
      "Preference-Applied",
      "X-Cache",
    ],
    maxAge,
  });
}
