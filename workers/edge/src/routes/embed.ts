import type { Variant } from "@sketchreel/contract";
import { embedPage, embedPoster, embedVideo, isTerminal, oembed } from "@sketchreel/contract";
import type { Context } from "hono";
import { type App, objectStore } from "../app-types.js";
import { readConfig } from "../config.js";
import { randomBase62 } from "../crypto.js";
import { escapeHtml } from "../embed/html.js";
import { playerCsp, renderPlayerPage } from "../embed/page.js";
import { lookupShare } from "../embed/share-lookup.js";
import type { AppEnv } from "../env.js";
import { notFound } from "../errors.js";
import { shareOf } from "../jobs/video-from-record.js";

/** Embedded players live longer than API links: Notion keeps the frame open. */
const EMBED_URL_TTL_S = 3600;
const DEFAULT_EMBED_WIDTH = 640;
/** How often an unfinished video's page reloads itself (its share snapshot is at most 5 s old). */
const PENDING_REFRESH_S = 3;

/**
 * Public, unauthenticated share pages. Each reads the share through `lookupShare` (isolate memo,
 * then the edge cache, then — rate-limited per client IP — the JobQueue) and presigns locally.
 */
export function registerEmbedRoutes(app: App): void {
  app.openapi(embedPage, async (c) => {
    const { snapshot: job, cache } = await lookupShare(c, c.req.valid("param").shareId);
    c.header("X-Cache", cache);
    if (!job) throw notFound("embed");
    const config = readConfig(c.env);
    const store = objectStore(c);
    const sign = async (variant: Variant) => {
      const output = job.outputs.find((o) => o.variant === variant);
      return output ? (await store.presignGet(output.key, EMBED_URL_TTL_S)).url : null;
    };
    const has = (variant: Variant) => job.status === "succeeded" && job.outputs.some((o) => o.variant === variant);
    const share = shareOf(job, config.publicBaseUrl);
    const finished = isTerminal(job.status);
    const nonce = randomBase62(22);
    const html = renderPlayerPage({
      title: `Sketchreel — ${truncate(job.prompt, 80)}`,
      prompt: job.prompt,
      pageUrl: share.embed_url,
      oembedUrl: share.oembed_url,
      homeUrl: config.publicBaseUrl,
      width: job.width,
      height: job.height,
      videoUrl: job.status === "succeeded" ? ((await sign("mp4")) ?? (await sign("webm"))) : null,
      posterUrl: job.status === "succeeded" ? await sign("poster") : null,
      shareVideoUrl: has("mp4") ? share.video_url : null,
      sharePosterUrl: has("poster") ? share.poster_url : null,
      status: job.status,
      refreshS: finished ? null : PENDING_REFRESH_S,
      styleNonce: nonce,
    });
    c.header("Content-Security-Policy", playerCsp(store.objectUrl("x").origin, nonce, config.frameAncestors));
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    // An unfinished page reloads itself: each reload must reach us, not a browser cache.
    c.header("Cache-Control", finished ? "private, max-age=60" : "no-store");
    return c.html(html, 200);
  });

  // URLs that outlive any presigned one: a Notion video block, link previews and oEmbed thumbnails keep them.
  app.openapi(embedVideo, async (c) => redirectToShared(c, c.req.valid("param").shareId, "mp4"));
  app.openapi(embedPoster, async (c) => redirectToShared(c, c.req.valid("param").shareId, "poster"));

  app.openapi(oembed, async (c) => {
    const { url, maxwidth, maxheight } = c.req.valid("query");
    const config = readConfig(c.env);
    const match = url.startsWith(`${config.publicBaseUrl}/embed/`)
      ? url.match(/\/embed\/(shr_[A-Za-z0-9]{16,40})\/?$/)
      : null;
    const lookup = match?.[1] ? await lookupShare(c, match[1]) : null;
    if (lookup) c.header("X-Cache", lookup.cache);
    const job = lookup?.snapshot;
    if (!job) throw notFound("embed");
    // The player fills the frame at the video's aspect ratio (the caption overlays it): size to the video.
    const aspect = job.height / job.width;
    let width = Math.min(maxwidth ?? DEFAULT_EMBED_WIDTH, DEFAULT_EMBED_WIDTH);
    let height = Math.max(1, Math.round(width * aspect));
    if (maxheight && height > maxheight) {
      height = maxheight;
      width = Math.max(1, Math.round(maxheight / aspect));
    }
    const share = shareOf(job, config.publicBaseUrl);
    const title = truncate(job.prompt, 120);
    const hasPoster = job.status === "succeeded" && job.outputs.some((o) => o.variant === "poster");
    return c.json(
      {
        type: "video" as const,
        version: "1.0" as const,
        title,
        provider_name: "Sketchreel",
        provider_url: `${config.publicBaseUrl}/`,
        html: `<iframe src="${escapeHtml(share.embed_url)}" width="${width}" height="${height}" title="${escapeHtml(title)}" frameborder="0" allow="autoplay; fullscreen" allowfullscreen></iframe>`,
        width,
        height,
        ...(hasPoster
          ? { thumbnail_url: share.poster_url, thumbnail_width: job.width, thumbnail_height: job.height }
          : {}),
      },
      200,
    );
  });
}

/** 302 to a fresh presigned URL of a finished shared video's `variant`, or 404. */
async function redirectToShared(c: Context<AppEnv>, shareId: string, variant: Variant) {
  const { snapshot, cache } = await lookupShare(c, shareId);
  c.header("X-Cache", cache);
  const output = snapshot?.status === "succeeded" ? snapshot.outputs.find((o) => o.variant === variant) : undefined;
  if (!output) throw notFound(variant === "mp4" ? "shared MP4" : `shared ${variant}`);
  const signed = await objectStore(c).presignGet(output.key, EMBED_URL_TTL_S);
  c.header("Cache-Control", "private, max-age=300");
  return c.redirect(signed.url, 302) as never;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
