import { createHash } from "node:crypto";
import { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { S3Config } from "../config.js";
import { type RetryHooks, type RetryPolicy, withRetry } from "../retry/backoff.js";
import { classifyS3Error, S3_RETRY_POLICY } from "./retry-policy.js";

export interface PutOptions {
  contentType: string;
  /** Defaults to the store's `cacheControl`. */
  cacheControl?: string;
  signal?: AbortSignal;
}

export interface StoredObject {
  key: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the body (also stored as `x-amz-meta-sha256`). */
  sha256: string;
  contentType: string;
}

/** An upload that failed for good: after the retries, or at once when retrying cannot help. */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(
    readonly key: string,
    readonly retryable: boolean,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`uploading ${key} failed after ${attempts} attempt(s): ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export interface ObjectStore {
  put(key: string, body: Uint8Array, opts: PutOptions): Promise<StoredObject>;
  close(): void;
}

export interface ObjectStoreOptions {
  retry?: RetryPolicy;
  /** Bodies above this go up as multipart uploads of this part size (min 5 MiB). */
  partSize?: number;
  onRetry?: RetryHooks["onRetry"];
  /** Time to establish a connection (default 5 s). */
  connectionTimeoutMs?: number;
  /** Socket inactivity before a request is abandoned as a retryable TimeoutError (default 60 s). */
  requestTimeoutMs?: number;
}

/**
 * Uploads to S3 or any S3-compatible server (MinIO, R2, s3rver) with content type, cache control and
 * a SHA-256 checksum the server verifies (`x-amz-checksum-sha256` for single-part uploads, per-part
 * SHA-256 for multipart). Retries follow `S3_RETRY_POLICY`; the SDK's own retries are off so the
 * policy lives in one place.
 */
export function createObjectStore(config: S3Config, options: ObjectStoreOptions = {}): ObjectStore {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    maxAttempts: 1,
    // A server that accepts the connection and never answers must not hang a job forever (heartbeats
    // would keep its lease alive): time out, and let S3_RETRY_POLICY retry.
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      throwOnRequestTimeout: true,
    },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const partSize = Math.max(options.partSize ?? 8 * 1024 * 1024, 5 * 1024 * 1024);
  const policy = options.retry ?? S3_RETRY_POLICY;

  async function putOnce(key: string, body: Uint8Array, opts: PutOptions, digest: Buffer): Promise<void> {
    const multipart = body.length > partSize;
    const upload = new Upload({
      client,
      partSize,
      queueSize: 2,
      leavePartsOnError: false,
      params: {
        Bucket: config.bucket,
        Key: key,
        Body: body,
        ContentType: opts.contentType,
        CacheControl: opts.cacheControl ?? config.cacheControl,
        Metadata: { sha256: digest.toString("hex") },
        ...(multipart ? { ChecksumAlgorithm: "SHA256" as const } : { ChecksumSHA256: digest.toString("base64") }),
      },
    });
    const onAbort = () => void upload.abort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await upload.done();
    } finally {
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    async put(key, body, opts) {
      const digest = createHash("sha256").update(body).digest();
      let attempts = 0;
      try {
        await withRetry(
          (attempt) => {
            attempts = attempt;
            return putOnce(key, body, opts, digest);
          },
          policy,
          classifyS3Error,
          { ...(opts.signal ? { signal: opts.signal } : {}), ...(options.onRetry ? { onRetry: options.onRetry } : {}) },
        );
      } catch (error) {
        throw new StorageError(key, classifyS3Error(error).retryable, attempts, error);
      }
      return { key, bytes: body.length, sha256: digest.toString("hex"), contentType: opts.contentType };
    },
    close: () => client.destroy(),
  };
}
