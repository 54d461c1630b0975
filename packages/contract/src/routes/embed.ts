import { createRoute, z } from "@hono/zod-openapi";
import { OEmbed, OEmbedQuery } from "../embed.js";
import { ShareId } from "../ids.js";
import { json, problem } from "./common.js";

export const embedPage = createRoute({
  method: "get",
  path: "/embed/{shareId}",
  operationId: "getEmbedPage",
  tags: ["embed"],
  summary: "Responsive HTML player for a shared video (Notion-friendly)",
  request: { params: z.object({ shareId: ShareId }) },
  responses: {
    200: { description: "HTML player page.", content: { "text/html": { schema: z.string() } } },
    404: problem("Unknown or revoked share id."),
    429: problem("Too many uncached share lookups from this address; see `Retry-After`."),
  },
});

export const oembed = createRoute({
  method: "get",
  path: "/oembed",
  operationId: "getOEmbed",
  tags: ["embed"],
  summary: "oEmbed (type video) for an embed URL",
  request: { query: OEmbedQuery },
  responses: {
    200: json(OEmbed, "oEmbed response."),
    404: problem("The URL is not a known embed."),
    422: problem("Bad query parameters."),
    429: problem("Too many uncached share lookups from this address; see `Retry-After`."),
  },
});
