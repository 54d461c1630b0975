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

export const embedVideo = createRoute({
  method: "get",
  path: "/embed/{shareId}/video.mp4",
  operationId: "getEmbedVideo",
  tags: ["embed"],
  summary: "A shared video's MP4 at a stable URL (redirects to a fresh short-lived one)",
  description:
    "For places that keep a video URL for good (a Notion video block): the link never expires while the video exists; each request is redirected to a presigned URL valid for an hour.",
  request: { params: z.object({ shareId: ShareId }) },
  responses: {
    302: { description: "`Location` is a presigned URL of the MP4, minted per request." },
    404: problem("Unknown or revoked share id, or no MP4 (yet)."),
    422: problem("Malformed share id."),
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
