import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Config } from "../../src/config.js";

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => S3rverInstance;
const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as S3rverClass;

/** s3rver's built-in account; requests signed with any other key are refused. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalS3 {
  config: S3Config;
  dir: string;
  close(): Promise<void>;
}

/** A real S3-compatible server (@20minutes/s3rver) on 127.0.0.1 with one pre-created bucket. */
export async function startLocalS3(opts: { port?: number; bucket?: string } = {}): Promise<LocalS3> {
  const dir = await mkdtemp(join(tmpdir(), "s3rver-"));
  const bucket = opts.bucket ?? "videos";
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  return {
    dir,
    config: {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: "us-east-1",
      bucket,
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      cacheControl: "public, max-age=31536000, immutable",
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
