import { classifyIpv4, classifyIpv6, type HostKind, parseIpv4 } from "./ip-ranges.js";

export interface WebhookUrlPolicy {
  /** Plain http is accepted (development only). */
  allowHttp: boolean;
  /** Loopback hosts are accepted (development, explicitly). */
  allowLoopback: boolean;
}

/**
 * SSRF guard for webhook targets: https only (outside dev), no credentials, and no loopback,
 * private, link-local, CGNAT, multicast, documentation or cloud-metadata addresses — literal IPs in
 * any notation the URL parser accepts (decimal, hex, octal, IDN digits), IPv4 embedded in IPv6
 * (mapped, compatible, translated, NAT64, 6to4; Teredo refused outright), well-known internal host
 * names and wildcard-DNS services that resolve a name to the address written in it. Returns why a
 * URL is refused, or null. It does not resolve DNS: a public name that resolves (or later rebinds) to
 * a private address needs an egress proxy (workers/edge/DEPLOY.md, "Webhooks and SSRF").
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
    .replace(/\.+$/, "");
  const kind = classifyHost(host);
  if (kind === "public") return null;
  if (kind === "loopback" && policy.allowLoopback) return null;
  return `webhook_url must not point at a ${kind} address (${host})`;
}

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "metadata.azure.com"]);

/** Public DNS names that answer with a loopback address, or with whatever address the name spells. */
const WILDCARD_DNS_SUFFIXES = [
  "nip.io",
  "sslip.io",
  "xip.io",
  "traefik.me",
  "localtest.me",
  "lvh.me",
  "vcap.me",
  "lacolhost.com",
  "localhost.direct",
  "fbi.com",
  "127-0-0-1.org",
];

export function classifyHost(host: string): HostKind {
  if (host === "localhost" || host.endsWith(".localhost") || host === "localhost.localdomain") return "loopback";
  if (METADATA_HOSTS.has(host)) return "metadata";
  if (host.endsWith(".internal") || host.endsWith(".local") || (!host.includes(".") && !host.includes(":")))
    return "private";
  const v4 = parseIpv4(host);
  if (v4) return classifyIpv4(v4);
  if (host.includes(":")) return classifyIpv6(host);
  const spelled = classifySpelledAddress(host);
  if (spelled !== "public") return spelled;
  if (WILDCARD_DNS_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return "wildcard-dns";
  return "public";
}

/**
 * A name whose first labels spell a non-public IPv4 address ("10.0.0.1.example.com",
 * "169-254-169-254.example.com", "0a000001.example.com") is refused whatever service answers for it:
 * that is how wildcard-DNS services work, and no legitimate webhook host is named that way.
 */
function classifySpelledAddress(host: string): HostKind {
  const labels = host.split(".");
  const candidates = [
    labels.slice(0, 4).join("."),
    labels[0]?.replace(/-/g, "."),
    /^[0-9a-f]{8}$/.test(labels[0] ?? "") ? hexQuad(labels[0]!) : undefined,
  ];
  for (const candidate of candidates) {
    const v4 = candidate ? parseIpv4(candidate) : null;
    if (v4 && labels.length > 1) {
      const kind = classifyIpv4(v4);
      if (kind !== "public") return kind;
    }
  }
  return "public";
}

const hexQuad = (hex: string) => [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(".");
