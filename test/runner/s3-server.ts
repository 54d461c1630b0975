import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCAL_S3_CREDENTIALS, startLocalS3 as startServer } from "@sketchreel/dev-stack";
import type { S3Config } from "@sketchreel/gpu-runner";

/** s3rver's built-in account; requests signed with any other key are refused. */
export const S3RVER_CREDENTIALS = LOCAL_S3_CREDENTIALS;

export interface LocalS3 {
  config: S3Config;
  dir: string;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server on 127.0.0.1 with one pre-created bucket, in a temporary directory
 * removed on close: `sketchreel dev`'s server (@sketchreel/dev-stack) with the runner's S3 config.
 */
export async function startLocalS3(opts: { port?: number; bucket?: string } = {}): Promise<LocalS3> {
  const dir = await mkdtemp(join(tmpdir(), "s3rver-"));
  const server = await startServer({ directory: dir, bucket: opts.bucket ?? "videos", port: opts.port });
  return {
    dir,
    config: {
      endpoint: server.endpoint,
      region: "us-east-1",
      bucket: server.bucket,
      credentials: { ...LOCAL_S3_CREDENTIALS },
      forcePathStyle: true,
      cacheControl: "public, max-age=31536000, immutable",
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
