import { ConflictError, type Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketReader } from "../harness/bucket.js";
import { type Fault, type S3FaultProxy, startS3FaultProxy } from "../harness/s3-fault-proxy.js";
import { startTestStack, type TestStack } from "../harness/stack.js";
import { startTcpProxy, type TcpProxy } from "../harness/tcp-proxy.js";

// Issue 14: outputs are attempt-scoped and only the completing attempt's objects are kept. Every case
// ends by listing the video's prefix in the bucket itself: exactly the winner's objects (one folder,
// the completing attempt's, bytes matching the recorded SHA-256), or nothing at all.
let t: TestStack;
let s3: S3FaultProxy;
let edgeLink: TcpProxy;
/** What the S3 proxy does with the next PUTs of any runner (then: pass). */
const planned: Fault[] = [];

beforeAll(async () => {
  t = await startTestStack({
    runners: 0,
    edgeVars: { LEASE_TTL_MS: "3000" },
    // The first runner reaches the edge through a link the test can cut; every runner uploads
    // through a proxy that can stall a PUT (the stall ends in a dropped connection).
    runnerEdgeUrl: (apiUrl, id) => (id === "dev-runner-1" ? edgeLink.url : apiUrl),
    runnerS3Endpoint: async (endpoint) => {
      s3 = await startS3FaultProxy(endpoint, () => planned.shift() ?? "pass", 8_000);
      return s3.endpoint;
    },
  });
  edgeLink = await startTcpProxy(t.apiUrl);
}, 180_000);
afterAll(async () => {
  await t?.stop();
  await s3?.close();
  await edgeLink?.close();
});

const prefixOf = (video: Video) => `t/dev/${video.id}/`;

async function terminal(id: string): Promise<Video> {
  for (let i = 0; i < 900; i++) {
    const video = await t.client.videos.get(id);
    if (["succeeded", "failed", "canceled"].includes(video.status)) return video;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${id} never finished`);
}

/**
 * The prefix's objects once they number `count`, or as they are after 30 s: the edge cleans up in the
 * background after it answers (5 s was once not enough on a saturated 2-core CI run).
 */
async function settledObjects(prefix: string, count: number) {
  const bucket = bucketReader(t.stack.info);
  let objects = await bucket.list(prefix);
  for (let i = 0; i < 300 && objects.length !== count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    objects = await bucket.list(prefix);
  }
  return objects;
}

async function expectOnlyTheWinner(video: Video) {
  expect(video.status).toBe("succeeded");
  const objects = await settledObjects(prefixOf(video), video.outputs.length);
  const folder = `${prefixOf(video)}attempt-${video.attempts}/`;
  expect(objects.filter((o) => !o.key.startsWith(folder))).toEqual([]);
  expect(objects.map((o) => o.sha256).sort()).toEqual(video.outputs.map((o) => o.sha256).sort());
}

/** Plans "first upload passes, second stalls", then waits until the stall has begun. */
async function stallSecondUpload(): Promise<() => Promise<void>> {
  const before = s3.puts;
  planned.push("pass", "timeout");
  return async () => {
    while (s3.puts < before + 2) await new Promise((resolve) => setTimeout(resolve, 20));
  };
}

const started = (id: string) => t.logs.waitFor((l) => l.msg === "job started" && l.job_id === id, 60_000);

describe("outputs under faults", { timeout: 120_000 }, () => {
  it("partitioned from the edge with S3 still reachable, a runner stops on its own; only the winner's objects remain", async () => {
    const partitioned = t.addRunner();
    await t.logs.waitFor((l) => l.msg === "runner started" && l.runner === partitioned.name, 60_000);
    const stalled = await stallSecondUpload();
    const video = await t.client.videos.create({ prompt: "a red ball falls", outputs: ["mp4", "gif", "poster"] });
    await started(video.id);
    await stalled();
    edgeLink.cut();
    const dropped = await t.logs.waitFor((l) => l.msg === "job finished" && l.job_id === video.id, 30_000);
    expect(dropped).toMatchObject({ runner: partitioned.name, outcome: "lease_lost" });
    t.addRunner(); // the edge hands the job out again once the lease has expired there
    const done = await terminal(video.id);
    // Attempt 2 normally wins; on a saturated CI box (3 s lease here) its lease can lapse too and a
    // third attempt win. What must hold either way: the partitioned runner's attempt never wins, and
    // only the winner's objects remain.
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    await expectOnlyTheWinner(done);
    edgeLink.restore();
  });

  it("a runner killed during its uploads leaves nothing behind: the next attempt's objects are the only ones", async () => {
    const stalled = await stallSecondUpload();
    const video = await t.client.videos.create({ prompt: "a blue square rises", outputs: ["mp4", "webm", "poster"] });
    const line = await started(video.id);
    await stalled();
    const victim = t.stack.runners.find((r) => r.name === line.runner)!;
    victim.signal("SIGKILL");
    await victim.exited;
    t.addRunner();
    const done = await terminal(video.id);
    expect(done.attempts).toBe(2);
    await expectOnlyTheWinner(done);
  });

  it("canceled between variants, the video keeps no object at all", async () => {
    const stalled = await stallSecondUpload();
    const video = await t.client.videos.create({
      prompt: "a green triangle moves from the left to the right",
      outputs: ["mp4", "webm", "gif", "poster"],
    });
    await started(video.id);
    await stalled(); // one variant uploaded, the next one in flight
    await t.client.videos.cancel(video.id);
    expect((await terminal(video.id)).status).toBe("canceled");
    expect(await settledObjects(prefixOf(video), 0)).toEqual([]);
  });

  it("deleted mid-run it is refused (cancel first) and loses nothing; deleted when done, every object goes", async () => {
    const before = s3.puts;
    planned.push("timeout"); // the first upload stalls (then the runner's retry goes through)
    const video = await t.client.videos.create({ prompt: "a white ball rises" });
    await started(video.id);
    while (s3.puts < before + 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(t.client.videos.delete(video.id)).rejects.toBeInstanceOf(ConflictError);
    const done = await terminal(video.id);
    await expectOnlyTheWinner(done);
    await t.client.videos.delete(video.id);
    expect(await settledObjects(prefixOf(video), 0)).toEqual([]);
  });
});
