import { OpenAPIHono } from "@hono/zod-openapi";
import { routes, serverErrors } from "./routes/index.js";

export const API_VERSION = "0.1.0";

const DESCRIPTION = `Sketchreel turns a sentence with spatial relations into a short video draft.

Every response carries \`X-Request-Id\`. Errors are RFC 9457 \`application/problem+json\` with
\`type, title, status, detail, code, request_id\` and \`errors[]\` naming each offending field.
A prompt the model cannot draw is refused before any GPU work: 422 \`prompt_out_of_vocabulary\`, each
entry of \`errors[]\` naming the word, its \`span\` and \`suggestions\` (see \`GET /v1/models/{id}\`).
Responses to API-key requests carry the RateLimit fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers):
\`RateLimit-Policy: "per-key";q=60;w=60\` (the quota: q requests per w seconds) and
\`RateLimit: "per-key";r=59;t=42\` (r left, reset in t seconds); 429s carry \`Retry-After\`.
\`POST /v1/videos\` honours \`Idempotency-Key\` for 24 hours, and \`Prefer: wait=N\` (N ≤ 60 s): the request is held
until the video is done (201) or N seconds passed (202).`;

/** The OpenAPI 3.1 document, built from the contract's route definitions. Pure: no I/O. */
export function buildOpenApiDocument(serverUrl = "http://127.0.0.1:8787") {
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  registry.registerComponent("securitySchemes", "ApiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key, `sr_live_…` or `sr_test_…`.",
  });
  registry.registerComponent("securitySchemes", "RunnerToken", {
    type: "http",
    scheme: "bearer",
    description: "The shared runner token (runners only).",
  });
  registry.registerComponent("securitySchemes", "AdminToken", {
    type: "http",
    scheme: "bearer",
    description: "The admin token (a wrangler secret).",
  });
  // Every operation may also fail in ways it does not list (500, or 503 while misconfigured).
  for (const route of routes) registry.registerPath({ ...route, responses: { ...route.responses, ...serverErrors } });
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Sketchreel API", version: API_VERSION, description: DESCRIPTION },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "videos", description: "Create, watch and download videos." },
      { name: "webhooks", description: "Signing secret, delivery log and redelivery of webhooks." },
      { name: "templates", description: "Versioned prompt templates." },
      { name: "prompts", description: "Prompt lint." },
      { name: "models", description: "The served models and what each can make." },
      { name: "usage", description: "Limits and usage." },
      { name: "embed", description: "Embeds for Notion and other oEmbed consumers." },
      { name: "runners", description: "Runner protocol (runner token)." },
      { name: "admin", description: "Key management (admin token)." },
    ],
  });
  // Set here: hono types the config as OpenAPI 3.0's, whose License lacks 3.1's SPDX `identifier`.
  doc.info.license = { name: "Apache-2.0", identifier: "Apache-2.0" };
  return doc;
}

/** The committed file's exact text: stable key order, two-space indent, trailing newline. */
export function renderOpenApiJson(): string {
  const doc = buildOpenApiDocument();
  // Component order follows module evaluation order; sort it so the file is reproducible.
  const schemas = doc.components?.schemas ?? {};
  const sorted = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return `${JSON.stringify({ ...doc, components: { ...doc.components, schemas: sorted } }, null, 2)}\n`;
}
