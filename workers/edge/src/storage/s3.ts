import { AwsClient } from "aws4fetch";
import type { Bindings } from "../env.js";
import { TtlCache } from "../ttl-cache.js";

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export function s3Settings(env: Bindings): S3Settings {
  return {
    endpoint: env.S3_ENDPOINT.replace(/\/+$/, ""),
    region: env.S3_REGION || "us-east-1",
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? "",
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
  };
}

/** A presigned URL is handed out again for at most this share of its lifetime (and never past a minute). */
export const PRESIGN_REUSE_SHARE = 0.1;
const PRESIGN_REUSE_MAX_MS = 60_000;

/** Presigned GETs and deletes of output objects (SigV4 via aws4fetch; works in workerd). */
export class ObjectStore {
  private readonly client: AwsClient;
  /**
   * URLs this isolate signed lately, by key and lifetime: signing is most of a cache hit's CPU
   * (three SigV4 signatures), and a URL signed a few seconds ago is as good, so each is reused
   * for `PRESIGN_REUSE_SHARE` of its lifetime: every URL handed out still has ≥ 90 % of it left.
   */
  private readonly presigned = new TtlCache<{ url: string; expiresAt: Date }>(PRESIGN_REUSE_MAX_MS, 5_000);

  /** `retries`: aws4fetch's in-place retries of a 5xx/429 (default 10, backing off up to ≈ 25 s). */
  constructor(
    private readonly settings: S3Settings,
    options: { retries?: number } = {},
  ) {
    this.client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      service: "s3",
      region: settings.region,
      retries: options.retries,
    });
  }

  private bucketUrl(): URL {
    const endpoint = new URL(this.settings.endpoint);
    if (this.settings.forcePathStyle) return new URL(`${endpoint.origin}/${this.settings.bucket}`);
    return new URL(`${endpoint.protocol}//${this.settings.bucket}.${endpoint.host}/`);
  }

  objectUrl(key: string): URL {
    const path = key.split("/").map(encodeURIComponent).join("/");
    const endpoint = new URL(this.settings.endpoint);
    if (this.settings.forcePathStyle) return new URL(`${endpoint.origin}/${this.settings.bucket}/${path}`);
    return new URL(`${endpoint.protocol}//${this.settings.bucket}.${endpoint.host}/${path}`);
  }

  /** A GET URL valid for `ttlSeconds` (at least 90 % of it from now: see `presigned`). */
  async presignGet(key: string, ttlSeconds: number, now = Date.now()): Promise<{ url: string; expiresAt: Date }> {
    const memoKey = `${ttlSeconds}\n${key}`;
    const reused = this.presigned.get(memoKey, now);
    if (reused && reused.expiresAt.getTime() - now >= (1 - PRESIGN_REUSE_SHARE) * ttlSeconds * 1000) return reused;
    const url = this.objectUrl(key);
    url.searchParams.set("X-Amz-Expires", String(ttlSeconds));
    const signed = await this.client.sign(url.toString(), { method: "GET", aws: { signQuery: true } });
    const fresh = { url: signed.url, expiresAt: new Date(now + ttlSeconds * 1000) };
    this.presigned.set(memoKey, fresh, now);
    return fresh;
  }

  /** Every key under `prefix` (ListObjectsV2, all pages). */
  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const url = this.bucketUrl();
      url.searchParams.set("list-type", "2");
      url.searchParams.set("prefix", prefix);
      if (token) url.searchParams.set("continuation-token", token);
      const res = await this.client.fetch(url.toString(), { method: "GET" });
      if (!res.ok) throw new Error(`listing ${prefix} failed: HTTP ${res.status}`);
      const xml = await res.text();
      for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(decodeXml(match[1]!));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? decodeXml(xml.match(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/)?.[1] ?? "")
        : undefined;
    } while (token);
    return keys;
  }

  /**
   * Deletes every object under `prefix` except `keep`, then lists the prefix again to confirm;
   * returns the keys still there (a failed delete, or an object written meanwhile): none once
   * storage confirmed. A video's prefix holds one folder per runner attempt: this is how only the
   * completing attempt's objects remain, and how a deleted video leaves nothing behind.
   */
  async deletePrefix(prefix: string, keep: ReadonlySet<string> = new Set()): Promise<string[]> {
    const doomed = (await this.listKeys(prefix)).filter((key) => !keep.has(key));
    if (doomed.length === 0) return [];
    const failed = await this.deleteObjects(doomed);
    if (failed.length > 0) return failed;
    return (await this.listKeys(prefix)).filter((key) => !keep.has(key));
  }

  /** Delete objects; returns the keys that could not be deleted (404 counts as deleted). */
  async deleteObjects(keys: readonly string[]): Promise<string[]> {
    const results = await Promise.all(
      keys.map(async (key) => {
        try {
          const res = await this.client.fetch(this.objectUrl(key).toString(), { method: "DELETE" });
          return res.ok || res.status === 404 ? null : key;
        } catch {
          return key;
        }
      }),
    );
    return results.filter((k): k is string => k !== null);
  }
}

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const decodeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);
