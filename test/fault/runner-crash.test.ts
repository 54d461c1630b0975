import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness/stack.js";
import { startWebhookReceiver, type WebhookReceiver } from "../harness/webhook-receiver.js";

// kill -9 the runner holding a job (as soon as it logs "job started"; 50 steps take seconds), twice:
// each job finishes on another runner, exactly once.
let t: TestStack;
let hooks: WebhookReceiver;

beforeAll(async () => {
  [t, hooks] = await Promise.all([
    // Short leases so a dead runner's job is handed out again within seconds.
    startTestStack({ runners: 3, edgeVars: { LEASE_TTL_MS: "3000" } }),
    startWebhookReceiver(),
  ]);
});
afterAll(async () => {
  await t?.stop();
  await hooks?.close();
});

it("re-runs a job whose runner was SIGKILLed mid-job on another runner, exactly once (×2)", async () => {
  const killed = new Set<string>();
  for (const prompt of ["a yellow ball rolls from the left edge to the center", "a white square falls"]) {
    const video = await t.client.videos.create({
      prompt,
      num_inference_steps: 50,
      outputs: ["poster"],
      webhook_url: hooks.url,
    });
    const started = await t.logs.waitFor((l) => l.msg === "job started" && l.job_id === video.id, 90_000);
    const victim = t.stack.runners.find((r) => r.name === started.runner)!;
    victim.signal("SIGKILL");
    await victim.exited;
    killed.add(victim.name);

    const final = await waitForTerminal(t, video.id);
    expect(final.status).toBe("succeeded");
    expect(final.attempts).toBe(2);
    await t.logs.waitFor((l) => l.msg === "job finished" && l.job_id === video.id);
    const finished = t.logs.find("job finished", video.id);
    expect(finished.map((l) => l.outcome)).toEqual(["succeeded"]);
    expect(killed.has(finished[0]!.runner)).toBe(false);
    await hooks.waitFor((h) => h.body.includes(video.id) && h.body.includes('"video.succeeded"'));
  }
  // One success notification per job, no duplicates from the killed attempts.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const succeeded = hooks.received.filter((h) => h.body.includes('"video.succeeded"'));
  expect(succeeded).toHaveLength(2);
  expect(killed.size).toBe(2);
});

async function waitForTerminal(stack: TestStack, id: string) {
  for await (const event of stack.client.videos.events(id)) {
    if (["succeeded", "failed", "canceled"].includes(event.data.status)) return event.data;
  }
  return stack.client.videos.get(id);
}
