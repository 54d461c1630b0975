import { escapeHtml } from "./html.js";

export interface PlayerPage {
  title: string;
  prompt: string;
  pageUrl: string;
  oembedUrl: string;
  homeUrl: string;
  width: number;
  height: number;
  videoUrl: string | null;
  posterUrl: string | null;
  status: string;
  styleNonce: string;
}

/** Origins allowed to frame the player: Notion (and ourselves). */
export const FRAME_ANCESTORS = ["'self'", "https://www.notion.so", "https://*.notion.so", "https://*.notion.site"];

/** A strict CSP: no scripts at all, media only from the object store, one nonce'd style block. */
export function playerCsp(mediaOrigin: string, styleNonce: string): string {
  return [
    "default-src 'none'",
    `media-src ${mediaOrigin}`,
    `img-src ${mediaOrigin}`,
    `style-src 'nonce-${styleNonce}'`,
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`,
  ].join("; ");
}

/** The embed page: a responsive looping player (muted autoplay), poster, dark mode, OpenGraph tags. */
export function renderPlayerPage(p: PlayerPage): string {
  const e = escapeHtml;
  const og = [
    ["og:type", "video.other"],
    ["og:site_name", "Sketchreel"],
    ["og:title", p.title],
    ["og:description", p.prompt],
    ["og:url", p.pageUrl],
    ...(p.posterUrl ? [["og:image", p.posterUrl]] : []),
    ...(p.videoUrl
      ? [
          ["og:video", p.videoUrl],
          ["og:video:secure_url", p.videoUrl],
          ["og:video:type", "video/mp4"],
          ["og:video:width", String(p.width)],
          ["og:video:height", String(p.height)],
        ]
      : []),
  ]
    .map(([property, content]) => `<meta property="${e(property ?? "")}" content="${e(content ?? "")}">`)
    .join("\n    ");
  const player = p.videoUrl
    ? `<video src="${e(p.videoUrl)}"${p.posterUrl ? ` poster="${e(p.posterUrl)}"` : ""} autoplay muted loop playsinline controls width="${p.width}" height="${p.height}"></video>`
    : `<div class="pending">This video is ${e(p.status)}.</div>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>${e(p.title)}</title>
    ${og}
    <link rel="alternate" type="application/json+oembed" href="${e(p.oembedUrl)}" title="${e(p.title)}">
    <style nonce="${e(p.styleNonce)}">
      :root { color-scheme: light dark; --bg: #f6f6f8; --fg: #18181f; --muted: #5b5b6b; }
      @media (prefers-color-scheme: dark) { :root { --bg: #181820; --fg: #ececf1; --muted: #a0a0b2; } }
      html, body { margin: 0; height: 100%; background: var(--bg); color: var(--fg); font: 14px/1.4 system-ui, sans-serif; }
      main { display: flex; flex-direction: column; gap: 8px; padding: 8px; box-sizing: border-box; height: 100%; }
      video, .pending { width: 100%; max-height: calc(100% - 48px); aspect-ratio: ${p.width} / ${p.height}; object-fit: contain; background: #181820; border-radius: 6px; image-rendering: pixelated; }
      .pending { display: grid; place-items: center; color: #a0a0b2; }
      footer { display: flex; justify-content: space-between; gap: 12px; color: var(--muted); }
      footer p { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      a { color: inherit; }
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
