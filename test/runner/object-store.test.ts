import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createObjectStore, StorageError } from "@sketchreel/gpu-runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalS3, startLocalS3 } from "./s3-server.js";

const fast = { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 200, maxRetryAfterMs: 500 };
let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3.close());

async function getObject(config: LocalS3["config"], key: string) {
  const client = new S3Client({ ...config, endpoint: config.endpoint!, credentials: config.credentials! });
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
    return { body: Buffer.from(await res.Body!.transformToByteArray()), res };
  } finally {
    client.destroy();
  }
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("createObjectStore against s3rver on loopback", () => {
  it("uploads bytes with content type, cache control and the SHA-256 recorded", async () => {
    const store = createObjectStore(s3.config, { retry: fast });
    const body = randomBytes(50_000);
    const stored = await store.put("tenant-a/vid_1/video.mp4", body, { contentType: "video/mp4" });
    store.close();
    expect(stored).toEqual({
      key: "tenant-a/vid_1/video.mp4",
      bytes: 50_000,
      sha256: sha(body),
      contentType: "video/mp4",
    });

    const { body: got, res } = await getObject(s3.config, "tenant-a/vid_1/video.mp4");
    expect(sha(got)).toBe(sha(body));
    expect(res.ContentType).toBe("video/mp4");
    expect(res.CacheControl).toBe("public, max-age=31536000, immutable");
    expect(res.Metadata?.sha256).toBe(sha(body));
  });

  it("sends large bodies as a multipart upload that reassembles byte for byte", async () => {
    const store = createObjectStore(s3.config, { retry: fast, partSize: 5 * 1024 * 1024 });
    const body = randomBytes(11 * 1024 * 1024);
    await store.put("tenant-a/big.webm", body, { contentType: "video/webm", cacheControl: "no-store" });
    store.close();
    const { body: got, res } = await getObject(s3.config, "tenant-a/big.webm");
    expect(got.length).toBe(body.length);
    expect(sha(got)).toBe(sha(body));
    expect(res.CacheControl).toBe("no-store");
  });

  it("a wrong secret is refused by the server and not retried", async () => {
    const retries: number[] = [];
    const store = createObjectStore(
      { ...s3.config, credentials: { accessKeyId: "S3RVER", secretAccessKey: "wrong" } },
      { retry: fast, onRetry: ({ attempt }) => retries.push(attempt) },
    );
    const err = await store.put("x/y.gif", randomBytes(10), { contentType: "image/gif" }).catch((e: unknown) => e);
    store.close();
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ retryable: false, attempts: 1, key: "x/y.gif" });
    expect((err as StorageError).cause).toMatchObject({ name: "SignatureDoesNotMatch" });
    expect(retries).toEqual([]);
  });

  it("retries a refused connection with backoff and succeeds once the server is up", async () => {
    const port = await freePort();
    let late: Promise<LocalS3> | undefined;
    const retries: number[] = [];
    const store = createObjectStore(
      { ...s3.config, endpoint: `http://127.0.0.1:${port}` },
      {
        retry: { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 1_000 },
        onRetry: ({ attempt }) => {
          retries.push(attempt);
          // Bring the server up only after the first attempt was refused.
          late ??= startLocalS3({ port, bucket: s3.config.bucket });
        },
      },
    );
    const body = randomBytes(1000);
    try {
      await expect(store.put("late/poster.png", body, { contentType: "image/png" })).resolves.toMatchObject({
        sha256: sha(body),
      });
      expect(retries[0]).toBe(1);
      const { body: got } = await getObject((await late!).config, "late/poster.png");
      expect(sha(got)).toBe(sha(body));
    } finally {
      store.close();
      await (await late)?.close();
    }
  });

  it("gives up after maxAttempts when the server never answers, marked retryable", async () => {
    const port = await freePort();
    const attempts: number[] = [];
    const store = createObjectStore(
      { ...s3.config, endpoint: `http://127.0.0.1:${port}` },
      { retry: { ...fast, maxAttempts: 3 }, onRetry: ({ attempt }) => attempts.push(attempt) },
    );
    const err = await store.put("k", randomBytes(10), { contentType: "image/png" }).catch((e: unknown) => e);
    store.close();
    expect(err).toMatchObject({ name: "StorageError", retryable: true, attempts: 3 });
    expect(attempts).toEqual([1, 2]);
  });

  it("times out a server that accepts the connection and never answers, then gives up retryable", async () => {
    const sockets = new Set<import("node:net").Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket); // read the request, never answer
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const store = createObjectStore(
      { ...s3.config, endpoint: `http://127.0.0.1:${port}` },
      { retry: { ...fast, maxAttempts: 2 }, requestTimeoutMs: 300 },
    );
    try {
      const err = await store.put("k", randomBytes(10), { contentType: "image/png" }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: "StorageError", retryable: true, attempts: 2 });
      expect(sockets.size).toBeGreaterThanOrEqual(2);
    } finally {
      store.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 15_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
