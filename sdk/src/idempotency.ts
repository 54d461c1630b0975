/**
 * A fresh idempotency key: 128 random bits, hex. Uses `crypto.getRandomValues`, which (unlike
 * `crypto.randomUUID`) also exists in non-secure contexts such as the Figma plugin UI iframe.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sdk_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
