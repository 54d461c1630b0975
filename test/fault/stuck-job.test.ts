import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness/stack.js";

// Issue 14: with an ffmpeg that never exits, a job used to stay `running` forever (cancel had no
// effect, DELETE answered 409, the tenant lost a concurrency slot). Now ffmpeg is killed on cancel,
// and a job that runs past its max duration fails with `job_timeout` and frees its slot.
let t: TestStack;
const dir = mkdtempSync(join(tmpdir(), "sketchreel-stuck-"));
const stuckFfmpeg = join(dir, "ffmpeg");

beforeAll(async () => {
  writeFileSync(stuckFfmpeg, "#!/bin/sh\nexec sleep 600\n");
  chmodSync(stuckFfmpeg, 0o755);
  t = await startTestStack({
    runners: 1,
    edgeVars: { MAX_ATTEMPTS: "1" },
    runnerEnv: { FFMPEG_PATH: stuckFfmpeg, MAX_JOB_MS: "4000" },
  });
}, 180_000);
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function terminal(id: string): Promise<Video> {
  for (let i = 0; i < 300; i++) {
    const video = await t.client.videos.get(id);
    if (["succeeded", "failed", "canceled"].includes(video.status)) return video;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${id} is still ${(await t.client.videos.get(id)).status} after 30 s`);
}

it("a job stuck in ffmpeg fails with job_timeout after its max duration, and the tenant's slot is free again", async () => {
  const video = await t.client.videos.create({ prompt: "a red ball falls", outputs: ["mp4"] });
  const done = await terminal(video.id);
  expect(done.status).toBe("failed");
  expect(done.error?.code).toBe("job_timeout");
  expect((await t.client.usage.get()).usage.active_jobs).toBe(0);
  const finished = t.logs.find("job finished", video.id);
  expect(finished.length).toBeGreaterThanOrEqual(1);
});

it("a cancel reaches a job stuck in ffmpeg: ffmpeg is killed and the job ends canceled", async () => {
  const video = await t.client.videos.create({ prompt: "a blue square rises", outputs: ["webm"] });
  await t.logs.waitFor((l) => l.msg === "job started" && l.job_id === video.id, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 500)); // well into the stuck encode
  await t.client.videos.cancel(video.id);
  const done = await terminal(video.id);
  expect(done.status).toBe("canceled");
  await t.client.videos.delete(video.id); // no longer refused with 409
});
