import type { Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness/stack.js";

// Stop and restart the edge (workerd) with its persisted Durable Object state while jobs are
// queued and running: the runner rides it out, and no job is lost.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ runners: 1 });
});
afterAll(() => t?.stop());

it("loses no job across an edge restart: queued and running jobs all succeed", async () => {
  const prompts = [
    "a red ball falls",
    "a blue ball rises",
    "a green square slides to the right",
    "a purple dot drifts",
  ];
  const created: Video[] = [];
  for (const prompt of prompts) {
    created.push(await t.client.videos.create({ prompt, num_inference_steps: 12, outputs: ["poster"] }));
  }
  await t.logs.waitFor((l) => l.msg === "job started" && l.job_id === created[0]!.id);

  await t.stack.restartEdge();

  const afterRestart = await Promise.all(created.map((v) => t.client.videos.get(v.id)));
  expect(afterRestart.map((v) => v.id)).toEqual(created.map((v) => v.id)); // state survived
  const final = await Promise.all(created.map((v) => waitForTerminal(v.id)));
  expect(final.map((v) => v.status)).toEqual(prompts.map(() => "succeeded"));
  const listed = await t.client.videos.list({ limit: 10 });
  expect(listed.data.map((v) => v.id)).toEqual(expect.arrayContaining(created.map((v) => v.id)));
  for (const video of final) {
    const poster = await t.client.videos.content(video.id, { variant: "poster" });
    expect(poster.status).toBe(200);
  }
});

async function waitForTerminal(id: string) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const video = await t.client.videos.get(id);
    if (["succeeded", "failed", "canceled"].includes(video.status) || Date.now() > deadline) return video;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
