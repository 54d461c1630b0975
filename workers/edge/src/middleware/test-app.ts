import { env } from "cloudflare:workers";
import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv, Bindings } from "../env.js";
import { renderProblem } from "../problem.js";
import { requestId } from "./request-id/index.js";

/** A bare app around one middleware, rendering errors as the real app does (tests only). */
export function appWith(...middleware: MiddlewareHandler<AppEnv>[]) {
  const app = new Hono<AppEnv>();
  app.use("*", requestId());
  for (const m of middleware) app.use("*", m);
  app.all("*", (c) => c.json({ ok: true, principal: c.get("principal") ?? null }));
  app.onError((err, c) => renderProblem(c, err));
  return { request: (path: string, init?: RequestInit) => app.request(path, init, env as Bindings) };
}
