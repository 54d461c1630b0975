import type { VideoEventType } from "@sketchreel/contract";
import { isTerminal, videoEvents } from "@sketchreel/contract";
import { streamSSE } from "hono/streaming";
import { type App, videoFor } from "../app-types.js";
import { videoQueue } from "../durable/shards/index.js";
import { notFound } from "../errors.js";

/** How long one watch waits for a change before a keep-alive comment. */
const WATCH_MS = 15_000;

export function registerVideoEventRoutes(app: App): void {
  app.openapi(videoEvents, async (c) => {
    const tenantId = c.get("principal").tenantId;
    const id = c.req.valid("param").id;
    const queue = videoQueue(c.env, id);
    const first = await queue.getJob(tenantId, id);
    if (!first) throw notFound("video");
    c.header("Cache-Control", "no-store");
    return streamSSE(c, async (stream) => {
      let job = first;
      let lastStatus: string | null = null;
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      for (;;) {
        const type: VideoEventType = job.status === lastStatus ? "video.progress" : `video.${job.status}`;
        lastStatus = job.status;
        const data = {
          id: `${job.id}:${job.version}`,
          type,
          created_at: new Date().toISOString(),
          data: await videoFor(c, job),
        };
        await stream.writeSSE({ id: data.id, event: type, data: JSON.stringify(data) });
        if (isTerminal(job.status) || aborted) return;
        let next = await queue.watch(tenantId, id, job.version, WATCH_MS);
        while (next && next.version === job.version && !aborted) {
          await stream.write(": keep-alive\n\n");
          next = await queue.watch(tenantId, id, job.version, WATCH_MS);
        }
        if (!next || aborted) return;
        job = next;
      }
    }) as never;
  });
}
