import { createRoute, z } from "@hono/zod-openapi";
import { OEmbed, OEmbedQuery } from "../embed.js";
import { ShareId } from "../ids.js";
import { json, problem, publicSecurity } from "./common.js";

const ShareParams = z.object({ shareId: ShareId });
const lookupErrors = {
  422: problem("Malformed share id."),
  429: problem("Too many uncached share lookups from this address; see `Retry-After`."),
} as const;

export const embedPage = createRoute({
  method: "get",
  path: "/embed/{shareId}",
  operationId: "getEmbedPage",
  tags: ["embed"],
  summary: "Responsive HTML player for a shared video (Notion-friendly)",
  description:
    "The video fills the frame at its aspect ratio, whatever the iframe's size. While the video is queued or running " +
    'the page refreshes itself (`<meta http-equiv="refresh">`, no scripts) until it is done. Framing is allowed to ' +
    "the deployment's `FRAME_ANCESTORS` (Notion by default).",
  security: publicSecurity,
  request: { params: ShareParams },
  responses: {
    200: { description: "HTML player page.", content: { "text/html": { schema: z.string() } } },
    404: problem("Unknown or revoked share id."),
    ...lookupErrors,
  },
});

export const embedVideo = createRoute({
  method: "get",
  path: "/embed/{shareId}/video.mp4",
  operationId: "getEmbedVideo",
  tags: ["embed"],
  summary: "A shared video's MP4 at a stable URL (redirects to a fresh short-lived one)",
  description:
    "For places that keep a video URL for good (a Notion video block, `og:video`): the link never expires while the video exists; each request is redirected to a presigned URL valid for an hour.",
  security: publicSecurity,
  request: { params: ShareParams },
  responses: {
    302: { description: "`Location` is a presigned URL of the MP4, minted per request." },
    404: problem("Unknown or revoked share id, or no MP4 (yet)."),
    ...lookupErrors,
  },
});

export const embedPoster = createRoute({
  method: "get",
  path: "/embed/{shareId}/poster.png",
  operationId: "getEmbedPoster",
  tags: ["embed"],
  summary: "A shared video's poster image at a stable URL (redirects to a fresh short-lived one)",
  description:
    "For link previews and oEmbed thumbnails, which cache the URL (`og:image`, `thumbnail_url`): the link never expires while the video exists; each request is redirected to a presigned URL valid for an hour.",
  security: publicSecurity,
  request: { params: ShareParams },
  responses: {
    302: { description: "`Location` is a presigned URL of the poster, minted per request." },
    404: problem("Unknown or revoked share id, or no poster (yet)."),
    ...lookupErrors,
  },
});

export const oembed = createRoute({
  method: "get",
  path: "/oembed",
  operationId: "getOEmbed",
  tags: ["embed"],
  summary: "oEmbed (type video) for an embed URL",
  security: publicSecurity,
  request: { query: OEmbedQuery },
  responses: {
    200: json(OEmbed, "oEmbed response."),
    404: problem("The URL is not a known embed."),
    422: problem("Bad query parameters."),
    429: problem("Too many uncached share lookups from this address; see `Retry-After`."),
  },
});
