import type { MiddlewareHandler } from "hono";
import { ConfigError, readConfig } from "../../config.js";
import type { AppEnv } from "../../env.js";
import { ApiError } from "../../errors.js";
import { logEvent } from "../../log.js";

export interface ConfigGuardOptions {
  /** Seconds clients are told to wait (`Retry-After`) while the deployment is misconfigured. */
  retryAfterS?: number;
}

/**
 * Fail closed: while the deployment's vars break a rule of `readConfig` (production with a loopback
 * or plain-http `PUBLIC_BASE_URL`, loopback webhooks allowed in production, a malformed number …),
 * every request is answered 503 problem+json naming the rules, and nothing else runs.
 */
export function configGuard(options: ConfigGuardOptions = {}): MiddlewareHandler<AppEnv> {
  const retryAfter = options.retryAfterS ?? 60;
  if (!Number.isInteger(retryAfter) || retryAfter <= 0) throw new Error("configGuard: retryAfterS must be positive");
  const logged = new WeakSet<object>();
  return async function configGuardMiddleware(c, next) {
    try {
      readConfig(c.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (!logged.has(c.env)) {
        logged.add(c.env);
        logEvent("error", "config_invalid", { problems: error.problems });
      }
      throw new ApiError(503, "unavailable", `this deployment refuses to serve: ${error.problems.join("; ")}`, {
        retryAfter,
      });
    }
    await next();
  };
}
