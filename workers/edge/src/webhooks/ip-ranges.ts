/** What an address (or a name) is, for the webhook SSRF guard. Only "public" is allowed. */
export type HostKind = "public" | "loopback" | "private" | "link-local" | "metadata" | "reserved" | "wildcard-dns";

/** A dotted quad as the URL parser normalises it (it has already turned 0x7f.1, 2130706433, … into one). */
export function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** IANA's special-purpose IPv4 registry, as far as a webhook target is concerned. */
export function classifyIpv4([a = 0, b = 0, c = 0, d = 0]: number[]): HostKind {
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return c === 169 && d === 254 ? "metadata" : "link-local";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // CGNAT
  const documentation = (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100);
  const reserved =
    a === 0 ||
    a >= 224 || // multicast, 240/4, broadcast
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 192 && b === 88 && c === 99) || // 6to4 relay anycast
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 203 && b === 0 && c === 113) ||
    documentation;
  return reserved ? "reserved" : "public";
}

/**
 * IPv6, with every way an IPv6 address can carry an IPv4 one judged by that IPv4 address: mapped
 * (::ffff:0:0/96), compatible (::/96), translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96 and the
 * local-use 64:ff9b:1::/48) and 6to4 (2002::/16). Teredo (2001::/32) hides its client address behind
 * a relay and is refused outright, as are documentation, discard and deprecated site-local prefixes.
 */
export function classifyIpv6(host: string): HostKind {
  const g = expandIpv6(host);
  if (!g) return "reserved";
  if (g.every((x) => x === 0)) return "reserved";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0] = g;
  if ((g0 & 0xfe00) === 0xfc00) return g0 === 0xfd00 && g1 === 0x0ec2 ? "metadata" : "private";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "private"; // site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return "reserved"; // multicast
  if (g0 === 0x2001 && g1 === 0) return "reserved"; // Teredo
  if (g0 === 0x2001 && g1 === 0x0db8) return "reserved"; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "reserved"; // discard
  const embedded = embeddedIpv4(g);
  return embedded ? classifyIpv4(embedded) : "public";
}

function embeddedIpv4(g: number[]): number[] | null {
  const quad = (hi = 0, lo = 0) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return quad(g[6], g[7]); // mapped
  if (zeros(0, 6)) return quad(g[6], g[7]); // compatible
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return quad(g[6], g[7]); // translated
  if (g[0] === 0x64 && g[1] === 0xff9b) return quad(g[6], g[7]); // NAT64, well-known and local-use
  if (g[0] === 0x2002) return quad(g[1], g[2]); // 6to4
  return null;
}

function expandIpv6(host: string): number[] | null {
  let text = host.replace(/%.*$/, ""); // zone id
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4?.[1]) {
    const o = parseIpv4(v4[1]);
    if (!o) return null;
    text = text.replace(v4[1], `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`);
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  const groups = all.map((x) => (/^[0-9a-f]{1,4}$/.test(x) ? Number.parseInt(x, 16) : Number.NaN));
  return groups.every((x) => Number.isInteger(x)) ? groups : null;
}
