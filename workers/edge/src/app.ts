import { OpenAPIHono } from "@hono/zod-openapi";
import { buildOpenApiDocument, toFieldErrors } from "@sketchreel/contract";
import type { AppEnv } from "./env.js";
import { ApiError, validationFailed } from "./errors.js";
import { apiKeyAuth } from "./middleware/api-key-auth/index.js";
import { bearerToken } from "./middleware/bearer-token/index.js";
import { bodyLimit } from "./middleware/body-limit/index.js";
import { configGuard } from "./middleware/config-guard/index.js";
import { apiCors } from "./middleware/cors/index.js";
import { rateLimit } from "./middleware/rate-limit/index.js";
import { requestId } from "./middleware/request-id/index.js";
import { renderProblem } from "./problem.js";
import { registerAdminRoutes } from "./routes/admin.js";
import { registerCatalogRoutes } from "./routes/catalog.js";
import { registerEmbedRoutes } from "./routes/embed.js";
import { registerModelRoutes } from "./routes/models.js";
import { registerRunnerRoutes } from "./routes/runners.js";
import { registerVideoContentRoutes } from "./routes/video-content.js";
import { registerVideoEventRoutes } from "./routes/video-events.js";
import { registerVideoRoutes } from "./routes/videos.js";
import { registerWebhookRoutes } from "./routes/webhooks.js";

export const MAX_BODY_BYTES = 64 * 1024;

const FIELD_PREFIX = { json: "", query: "", param: "", header: "", form: "", cookie: "" } as const;

/**
 * Writes need `videos:write`; reads and prompt lint need `videos:read`. The webhook secret signs
 * for the tenant, so even reading it needs `videos:write`.
 */
function scopeFor(method: string, path: string) {
  const write =
    (method !== "GET" && method !== "HEAD" && path !== "/v1/prompts/lint") || path.startsWith("/v1/webhook-secret");
  return write ? ("videos:write" as const) : ("videos:read" as const);
}

let openApiJson: string | null = null;

export function createApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const input = result.target === "json" ? (result as { data?: unknown }).data : undefined;
        throw validationFailed(
          toFieldErrors(result.error, input, FIELD_PREFIX[result.target as keyof typeof FIELD_PREFIX] ?? ""),
        );
      }
    },
  });

  app.use("*", requestId());
  app.use("*", configGuard());
  app.use("/v1/*", apiCors());
  app.use("/v1/*", apiKeyAuth({ scopeFor }), rateLimit());
  app.use("/internal/*", bearerToken({ realm: "runners", token: (env) => env.RUNNER_TOKEN }));
  app.use("/admin/*", bearerToken({ realm: "admin", token: (env) => env.ADMIN_TOKEN }));
  // After authentication, and only under the prefixes whose routes read a body: no byte of an
  // unauthenticated body is ever read (public routes and unknown paths never read one).
  const limit = bodyLimit({ maxBytes: MAX_BODY_BYTES });
  for (const prefix of ["/v1/*", "/internal/*", "/admin/*"]) app.use(prefix, limit);

  registerVideoRoutes(app);
  registerVideoEventRoutes(app);
  registerVideoContentRoutes(app);
  registerWebhookRoutes(app);
  registerCatalogRoutes(app);
  registerModelRoutes(app);
  registerEmbedRoutes(app);
  registerRunnerRoutes(app);
  registerAdminRoutes(app);

  app.get("/openapi.json", (c) => {
    openApiJson ??= JSON.stringify(buildOpenApiDocument(new URL(c.req.url).origin));
    c.header("Cache-Control", "public, max-age=300");
    return c.body(openApiJson, 200, { "content-type": "application/json" });
  });

  app.notFound((c) => renderProblem(c, new ApiError(404, "not_found", `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => renderProblem(c, err));
  return app;
}
