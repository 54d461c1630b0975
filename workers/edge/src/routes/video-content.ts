import { videoContent } from "@sketchreel/contract";
import { type App, objectStore } from "../app-types.js";
import { readConfig } from "../config.js";
import { videoQueue } from "../durable/shards/index.js";
import { ApiError, notFound } from "../errors.js";

export function registerVideoContentRoutes(app: App): void {
  app.openapi(videoContent, async (c) => {
    const { id } = c.req.valid("param");
    const job = await videoQueue(c.env, id).getJob(c.get("principal").tenantId, id);
    if (!job) throw notFound("video");
    if (job.status !== "succeeded")
      throw new ApiError(409, "not_ready", `video ${job.id} is ${job.status}, not succeeded`);
    const variant = c.req.valid("query").variant;
    const output = job.outputs.find((o) => o.variant === variant);
    if (!output) {
      const produced = job.outputs.map((o) => o.variant).join(", ");
      throw new ApiError(
        404,
        "not_found",
        `variant ${variant} was not produced for ${job.id} (available: ${produced})`,
      );
    }
    const signed = await objectStore(c).presignGet(output.key, readConfig(c.env).presignTtlS);
    c.header("Cache-Control", "no-store");
    return c.redirect(signed.url, 302) as never;
  });
}
