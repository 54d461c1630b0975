import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  /** The listening server (set by `run`). */
  httpServer?: Server;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver's one account; the edge presigns with it. */
export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;
export const S3_BUCKET = "sketchreel";

// Browsers (the Figma UI, the embed page) fetch outputs cross-origin from presigned URLs.
const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>
<AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface LocalS3 {
  endpoint: string;
  put(key: string, body: Uint8Array<ArrayBuffer>, contentType: string): Promise<void>;
  close(): Promise<void>;
}

/** A real S3-compatible server (@20minutes/s3rver) on loopback with the bucket the edge uses. */
export async function startS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), "sketchreel-s3-"));
  const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as S3rverClass;
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: S3_BUCKET, configs: [CORS] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const aws = new AwsClient({ ...S3_CREDENTIALS, service: "s3", region: "us-east-1" });
  return {
    endpoint,
    async put(key, body, contentType) {
      const res = await aws.fetch(`${endpoint}/${S3_BUCKET}/${key}`, {
        method: "PUT",
        body,
        headers: { "content-type": contentType },
      });
      if (!res.ok) throw new Error(`S3 PUT ${key}: HTTP ${res.status} ${await res.text()}`);
    },
    async close() {
      // `close` waits for every open request; a client that never finished one (or never read its
      // answer) would hold it forever, so whatever is still open after a moment is cut.
      const cut = setTimeout(() => server.httpServer?.closeAllConnections(), 2_000);
      await server.close().finally(() => clearTimeout(cut));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
