import type { VideoEvent } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { call, completeJob, createKey, createVideo, json, leaseJob, RUNNER } from "./helpers.js";

async function readEvents(res: Response, onEvent: (event: VideoEvent) => Promise<void>): Promise<VideoEvent[]> {
  const events: VideoEvent[] = [];
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error("no body");
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return events;
    buffer += value;
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("\n");
      if (data) {
        const event = JSON.parse(data) as VideoEvent;
        events.push(event);
        await onEvent(event);
      }
      cut = buffer.indexOf("\n\n");
    }
  }
}

describe("SSE events", () => {
  it("streams queued → running → progress → succeeded and closes at the terminal state", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    const res = await call(`/v1/videos/${body.id}/events`, { headers: key.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    let grant: Awaited<ReturnType<typeof leaseJob>> | null = null;
    const events = await readEvents(res, async (event) => {
      if (event.type === "video.queued") grant = await leaseJob(body.id);
      if (event.type === "video.running" && grant) {
        await json(
          "POST",
          `/internal/jobs/${body.id}/heartbeat`,
          { lease_id: grant.lease.id, progress: { stage: "denoise", step: 5, total_steps: 20 } },
          RUNNER,
        );
      }
      if (event.type === "video.progress" && grant) await completeJob(grant);
    });
    expect(events.map((e) => e.type)).toEqual(["video.queued", "video.running", "video.progress", "video.succeeded"]);
    expect(events[2]?.data.progress).toMatchObject({ stage: "denoise", step: 5, percent: 30 });
    expect(events[3]?.data.outputs[0]?.url).toContain("X-Amz-Signature");
  });

  it("sends the terminal event at once for a finished video", async () => {
    const key = await createKey();
    const { body } = await createVideo(key);
    await call(`/v1/videos/${body.id}/cancel`, { method: "POST", headers: key.auth });
    const res = await call(`/v1/videos/${body.id}/events`, { headers: key.auth });
    const events = await readEvents(res, async () => {});
    expect(events.map((e) => e.type)).toEqual(["video.canceled"]);
  });
});
