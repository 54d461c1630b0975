import { embedPage, embedVideo, oembed } from "@sketchreel/contract";
import { type App, objectStore } from "../app-types.js";
import { readConfig } from "../config.js";
import { randomBase62 } from "../crypto.js";
import { escapeHtml } from "../embed/html.js";
import { playerCsp, renderPlayerPage } from "../embed/page.js";
import { lookupShare } from "../embed/share-lookup.js";
import { notFound } from "../errors.js";
import { shareOf } from "../jobs/video-from-record.js";

/** Embedded players live longer than API links: Notion keeps the frame open. */
const EMBED_URL_TTL_S = 3600;
const DEFAULT_EMBED_WIDTH = 640;

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
    const sign = async (variant: string) => {
      const output = job.outputs.find((o) => o.variant === variant);
      return output ? (await store.presignGet(output.key, EMBED_URL_TTL_S)).url : null;
    };
    const share = shareOf(job, config.publicBaseUrl);
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
      status: job.status,
      styleNonce: nonce,
    });
    c.header("Content-Security-Policy", playerCsp(store.objectUrl("x").origin, nonce));
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    c.header("Cache-Control", "private, max-age=60");
    return c.html(html, 200);
  });

  // A URL that outlives any presigned one: a Notion video block keeps it for good.
  app.openapi(embedVideo, async (c) => {
    const { snapshot, cache } = await lookupShare(c, c.req.valid("param").shareId);
    c.header("X-Cache", cache);
    const mp4 = snapshot?.status === "succeeded" ? snapshot.outputs.find((o) => o.variant === "mp4") : undefined;
    if (!mp4) throw notFound("shared MP4");
    const signed = await objectStore(c).presignGet(mp4.key, EMBED_URL_TTL_S);
    c.header("Cache-Control", "private, max-age=300");
    return c.redirect(signed.url, 302) as never;
  });

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
    const aspect = job.height / job.width;
    let width = Math.min(maxwidth ?? DEFAULT_EMBED_WIDTH, DEFAULT_EMBED_WIDTH);
    let height = Math.round(width * aspect) + 40;
    if (maxheight && height > maxheight) {
      height = maxheight;
      width = Math.max(1, Math.round((maxheight - 40) / aspect));
    }
    const src = shareOf(job, config.publicBaseUrl).embed_url;
    const title = truncate(job.prompt, 120);
    const poster = job.outputs.find((o) => o.variant === "poster");
    const thumbnail = poster ? await objectStore(c).presignGet(poster.key, EMBED_URL_TTL_S) : null;
    return c.json(
      {
        type: "video" as const,
        version: "1.0" as const,
        title,
        provider_name: "Sketchreel",
        provider_url: `${config.publicBaseUrl}/`,
        html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" frameborder="0" allow="autoplay; fullscreen" allowfullscreen></iframe>`,
        width,
        height,
        ...(thumbnail
          ? { thumbnail_url: thumbnail.url, thumbnail_width: job.width, thumbnail_height: job.height }
          : {}),
      },
      200,
    );
  });
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
