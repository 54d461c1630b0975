/**
 * The RateLimit header fields of draft-ietf-httpapi-ratelimit-headers (-09/-10), as Structured
 * Fields (RFC 9651):
 *
 *   RateLimit-Policy: "per-key";q=50;w=60     the quota policy: q units per w-second window
 *   RateLimit: "per-key";r=49;t=31            what is left of it: r units, reset in t seconds
 *
 * One policy per response; `Retry-After` stays the 429's instruction.
 */

export interface RateLimitState {
  /** Policy name, a Structured Field String (printable ASCII). */
  policy: string;
  /** Quota: units (requests) allowed per window. */
  quota: number;
  /** Window length in seconds. */
  windowS: number;
  /** Units left in the current window. */
  remaining: number;
  /** Seconds until the quota resets. */
  resetS: number;
}

export const RATELIMIT_HEADER_NAMES = ["RateLimit-Policy", "RateLimit"] as const;

/** The two fields for one policy's current state. Throws on a name or number no field can carry. */
export function formatRateLimitHeaders(state: RateLimitState): Record<(typeof RATELIMIT_HEADER_NAMES)[number], string> {
  const name = sfString(state.policy);
  return {
    "RateLimit-Policy": `${name};q=${sfInteger(state.quota)};w=${sfInteger(state.windowS)}`,
    RateLimit: `${name};r=${sfInteger(state.remaining)};t=${sfInteger(state.resetS)}`,
  };
}

/** A Structured Field String: printable ASCII, `"` and `\` escaped. */
export function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not a Structured Field String: ${JSON.stringify(value)}`);
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** A Structured Field Integer as these fields use it: non-negative, at most 15 digits. */
function sfInteger(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > 999_999_999_999_999)
    throw new Error(`not a non-negative Structured Field Integer: ${value}`);
  return String(value);
}

export interface ParsedRateLimitItem {
  policy: string;
  params: Record<string, number>;
}

/**
 * Read one of the two fields back (first item only; integer parameters only). Lenient the way a
 * client should be: anything it cannot read is `null`, never an exception.
 */
export function parseRateLimitField(value: string | null): ParsedRateLimitItem | null {
  const match = value?.match(/^\s*"((?:[^"\\]|\\[\\"])*)"((?:\s*;\s*[a-z*][a-z0-9_.*-]*=-?\d{1,15})*)\s*(?:,|$)/);
  if (!match) return null;
  const params: Record<string, number> = {};
  for (const [, key, raw] of (match[2] ?? "").matchAll(/;\s*([a-z*][a-z0-9_.*-]*)=(-?\d{1,15})/g))
    if (key) params[key] = Number(raw);
  return { policy: (match[1] ?? "").replace(/\\([\\"])/g, "$1"), params };
}
