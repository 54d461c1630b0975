import { expect, vi } from "vitest";
import { createVideo, json, leaseJob, RUNNER, type TestKey } from "./helpers.js";

/** The bucket as S3 holds it: ListObjectsV2 and DELETE, answered at the fetch boundary. */
export interface FakeBucket {
  objects: Set<string>;
  /** Every DELETE that reached the bucket, refused ones included. */
  deletes: Request[];
  /** Answer the next `count` DELETEs with `status` (`Infinity`: until told otherwise), then delete again. */
  failDeletes(count: number, status?: number): void;
}

/**
 * The S3 bucket `sketchreel` of the tests' `S3_ENDPOINT`, as a third-party server would answer
 * (workerd has no S3 of its own; real round trips are the end-to-end tests' in `test/`). Requests
 * elsewhere go out as usual.
 */
export function fakeBucket(): FakeBucket {
  const objects = new Set<string>();
  const deletes: Request[] = [];
  let refusals = { left: 0, status: 503 };
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith("/sketchreel")) return realFetch(input, init);
    if (request.method === "GET" && url.searchParams.get("list-type") === "2") {
      const keys = [...objects].filter((k) => k.startsWith(url.searchParams.get("prefix") ?? ""));
      const xml = `<ListBucketResult><IsTruncated>false</IsTruncated>${keys.map((k) => `<Contents><Key>${k}</Key></Contents>`).join("")}</ListBucketResult>`;
      return new Response(xml, { headers: { "content-type": "application/xml" } });
    }
    if (request.method === "DELETE") {
      deletes.push(request);
      if (refusals.left > 0) {
        refusals.left -= 1;
        return new Response("<Error><Code>ServiceUnavailable</Code></Error>", { status: refusals.status });
      }
      objects.delete(decodeURIComponent(url.pathname.slice("/sketchreel/".length)));
      return new Response(null, { status: 204 });
    }
    return realFetch(input, init);
  });
  return {
    objects,
    deletes,
    failDeletes: (count, status = 503) => {
      refusals = { left: count, status };
    },
  };
}

/** The bucket's keys under `prefix`. */
export const keysUnder = (bucket: FakeBucket, prefix: string) =>
  [...bucket.objects].filter((k) => k.startsWith(prefix)).sort();

/** A video whose attempt 1 uploaded one object and failed (retryable); attempt 2 is leased. */
export async function secondAttempt(key: TestKey, bucket: FakeBucket) {
  const { body } = await createVideo(key);
  const first = await leaseJob(body.id);
  bucket.objects.add(`${first.job.output_prefix}attempt-1/video.mp4`);
  const failed = await json(
    "POST",
    `/internal/jobs/${body.id}/fail`,
    { lease_id: first.lease.id, code: "upload_failed", message: "S3 went away", retryable: true },
    RUNNER,
  );
  expect(failed.status).toBe(200);
  const grant = await leaseJob(body.id);
  expect(grant.job.attempt).toBe(2);
  return { video: body, grant };
}
