import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";

export interface BucketObject {
  key: string;
  sha256: string;
}

/** Reads a bucket of the local stack directly (s3rver, signatures checked), as an auditor would. */
export function bucketReader(info: {
  s3Endpoint: string;
  s3Bucket: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
}) {
  const aws = new AwsClient({
    accessKeyId: info.s3AccessKeyId,
    secretAccessKey: info.s3SecretAccessKey,
    service: "s3",
    region: "us-east-1",
  });
  const base = `${info.s3Endpoint}/${info.s3Bucket}`;
  return {
    /** Every object under `prefix` with the SHA-256 of its bytes, sorted by key. */
    async list(prefix: string): Promise<BucketObject[]> {
      const res = await aws.fetch(`${base}?list-type=2&prefix=${encodeURIComponent(prefix)}`);
      if (!res.ok) throw new Error(`list ${prefix}: HTTP ${res.status}`);
      const keys = [...(await res.text()).matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!).sort();
      return Promise.all(
        keys.map(async (key) => {
          const object = await aws.fetch(`${base}/${key}`);
          const bytes = new Uint8Array(await object.arrayBuffer());
          return { key, sha256: createHash("sha256").update(bytes).digest("hex") };
        }),
      );
    },
  };
}
