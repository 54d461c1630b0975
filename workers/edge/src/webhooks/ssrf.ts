export interface WebhookUrlPolicy {
  /** Plain http is accepted (development only). */
  allowHttp: boolean;
  /** Loopback hosts are accepted (development, explicitly). */
  allowLoopback: boolean;
}

/**
 * SSRF guard for webhook targets: https only (outside dev), no credentials, and no loopback,
 * private, link-local, CGNAT, multicast or cloud-metadata addresses — literal IPs in any notation
 * the URL parser accepts, plus well-known internal host names. Returns why a URL is refused, or null.
 */
export function refuseWebhookUrl(raw: string, policy: WebhookUrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "webhook_url must be an absolute URL";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowHttp)) {
    return policy.allowHttp ? "webhook_url must use http or https" : "webhook_url must use https";
  }
  if (url.username || url.password) return "webhook_url must not contain credentials";
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  const kind = classifyHost(host);
  if (kind === "public") return null;
  if (kind === "loopback" && policy.allowLoopback) return null;
  return `webhook_url must not point at a ${kind} address (${host})`;
}

type HostKind = "public" | "loopback" | "private" | "link-local" | "metadata" | "reserved";

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "metadata.azure.com"]);

export function classifyHost(host: string): HostKind {
  if (host === "localhost" || host.endsWith(".localhost") || host === "localhost.localdomain") return "loopback";
  if (METADATA_HOSTS.has(host)) return "metadata";
  if (host.endsWith(".internal") || host.endsWith(".local") || (!host.includes(".") && !host.includes(":")))
    return "private";
  const v4 = parseIpv4(host);
  if (v4) return classifyIpv4(v4);
  if (host.includes(":")) return classifyIpv6(host);
  return "public";
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function classifyIpv4([a = 0, b = 0, c = 0, d = 0]: number[]): HostKind {
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return c === 169 && d === 254 ? "metadata" : "link-local";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // CGNAT
  if (a === 0 || a >= 224 || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19)))
    return "reserved";
  return "public";
}

function classifyIpv6(host: string): HostKind {
  const groups = expandIpv6(host);
  if (!groups) return "reserved";
  if (groups.every((g) => g === 0)) return "reserved";
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "loopback";
  const first = groups[0] ?? 0;
  if ((first & 0xfe00) === 0xfc00) return first === 0xfd00 && groups[1] === 0x0ec2 ? "metadata" : "private";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xff00) === 0xff00) return "reserved";
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the embedded IPv4 address.
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = first === 0x64 && groups[1] === 0xff9b;
  if (mapped || nat64) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return classifyIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return "public";
}

function expandIpv6(host: string): number[] | null {
  let text = host;
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
  const groups = all.map((g) => Number.parseInt(g, 16));
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
