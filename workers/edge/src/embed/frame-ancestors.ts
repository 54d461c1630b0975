/** Who may frame the embed page by default: Notion (pages and published sites) and this origin. */
export const DEFAULT_FRAME_ANCESTORS = "'self' https://www.notion.so https://*.notion.so https://*.notion.site";

/** `scheme://host[:port]`, the host optionally `*.`-prefixed: an origin, or all subdomains of one. */
const HOST_SOURCE =
  /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(:\d{1,5})?$/;

/**
 * `FRAME_ANCESTORS`: the CSP `frame-ancestors` sources of the embed page, space-separated. Each is
 * `'self'` or an origin (`https://host[:port]`, `https://*.example.com` for its subdomains), or the
 * list is just `'none'` (no framing). No bare `*`, scheme-only source or path: a deployment names
 * the sites it embeds on. `http:` origins are for development only. Unset or empty: Notion.
 */
export function parseFrameAncestors(raw: string | undefined, production: boolean): string {
  const sources = (raw ?? "").trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return DEFAULT_FRAME_ANCESTORS;
  const rule =
    "FRAME_ANCESTORS must be 'none', or space-separated 'self' and origins such as https://www.notion.so or https://*.notion.site";
  if (sources.length === 1 && sources[0] === "'none'") return "'none'";
  for (const source of sources) {
    if (source === "'self'") continue;
    const match = source.toLowerCase().match(HOST_SOURCE);
    if (!match) throw new Error(`${rule} (got "${source}")`);
    if (production && match[1] === "http")
      throw new Error(`FRAME_ANCESTORS must use https origins in production (got "${source}")`);
  }
  return sources.map((s) => (s === "'self'" ? s : s.toLowerCase())).join(" ");
}
