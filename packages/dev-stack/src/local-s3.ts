import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

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
  allowMismatchedSignatures?: boolean;
}) => S3rverInstance;

/** s3rver's one built-in account: requests signed with any other key are refused. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/**
 * An S3-compatible server (@20minutes/s3rver) on 127.0.0.1, objects kept under `directory`,
 * with `bucket` created. Port 0 picks a free one.
 */
export async function startLocalS3(options: { directory: string; bucket: string; port?: number }): Promise<LocalS3> {
  // s3rver is CommonJS and untyped; loaded lazily so the CLI's other commands never pay for it.
  const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as S3rverClass;
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: options.bucket }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: options.bucket,
    close: () => server.close(),
  };
}
