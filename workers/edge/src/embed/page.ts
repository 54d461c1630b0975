import { escapeHtml } from "./html.js";

export interface PlayerPage {
  title: string;
  prompt: string;
  pageUrl: string;
  oembedUrl: string;
  homeUrl: string;
  width: number;
  height: number;
  /** Presigned media for this page view (the player's `src` and `poster`); null until finished. */
  videoUrl: string | null;
  posterUrl: string | null;
  /** Links that never expire (`/embed/{shareId}/video.mp4`, `…/poster.png`), for caches: OpenGraph. */
  shareVideoUrl: string | null;
  sharePosterUrl: string | null;
  status: string;
  /** Reload the page every this many seconds (an unfinished video), or never (null). */
  refreshS: number | null;
  styleNonce: string;
}

/** A strict CSP: no scripts at all, media only from the object store, one nonce'd style block. */
export function playerCsp(mediaOrigin: string, styleNonce: string, frameAncestors: string): string {
  return [
    "default-src 'none'",
    `media-src ${mediaOrigin}`,
    `img-src ${mediaOrigin}`,
    `style-src 'nonce-${styleNonce}'`,
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/**
 * The embed page: a looping player (muted autoplay) that fills the frame at the video's aspect ratio
 * (`object-fit: contain` in a full-viewport box, no width/height attributes to override it), the
 * prompt as a caption over its top edge, OpenGraph tags with never-expiring media URLs. While the
 * video is unfinished the page reloads itself (`<meta http-equiv="refresh">`: no script).
 */
export function renderPlayerPage(p: PlayerPage): string {
  const e = escapeHtml;
  const og = [
    ["og:type", "video.other"],
    ["og:site_name", "Sketchreel"],
    ["og:title", p.title],
    ["og:description", p.prompt],
    ["og:url", p.pageUrl],
    ...(p.sharePosterUrl
      ? [
          ["og:image", p.sharePosterUrl],
          ["og:image:width", String(p.width)],
          ["og:image:height", String(p.height)],
        ]
      : []),
    ...(p.shareVideoUrl
      ? [
          ["og:video", p.shareVideoUrl],
          ["og:video:secure_url", p.shareVideoUrl],
          ["og:video:type", "video/mp4"],
          ["og:video:width", String(p.width)],
          ["og:video:height", String(p.height)],
        ]
      : []),
  ]
    .map(([property, content]) => `<meta property="${e(property ?? "")}" content="${e(content ?? "")}">`)
    .join("\n    ");
  const refresh = p.refreshS === null ? "" : `<meta http-equiv="refresh" content="${p.refreshS}">\n    `;
  const player = p.videoUrl
    ? `<video src="${e(p.videoUrl)}"${p.posterUrl ? ` poster="${e(p.posterUrl)}"` : ""} autoplay muted loop playsinline controls></video>`
    : `<div class="pending" role="status">This video is ${e(p.status)}.</div>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="dark">
    ${refresh}<title>${e(p.title)}</title>
    ${og}
    <link rel="alternate" type="application/json+oembed" href="${e(p.oembedUrl)}" title="${e(p.title)}">
    <style nonce="${e(p.styleNonce)}">
      :root { color-scheme: dark; }
      html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; background: #000; color: #ececf1; font: 14px/1.4 system-ui, sans-serif; }
      main { position: fixed; inset: 0; }
      video, .pending { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; background: #000; image-rendering: pixelated; }
      .pending { display: grid; place-items: center; color: #a0a0b2; }
      footer { position: absolute; top: 0; left: 0; right: 0; display: flex; justify-content: space-between; gap: 12px; padding: 6px 10px 14px; background: linear-gradient(rgb(0 0 0 / 0.6), rgb(0 0 0 / 0)); pointer-events: none; }
      footer p { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      footer a { color: inherit; pointer-events: auto; }
    </style>
  </head>
  <body>
    <main>
      ${player}
      <footer><p title="${e(p.prompt)}">${e(p.prompt)}</p><a href="${e(p.homeUrl)}" target="_blank" rel="noopener">Sketchreel</a></footer>
    </main>
  </body>
</html>
`;
}
