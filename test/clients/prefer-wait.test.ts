import type { Video } from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { media } from "../support/media.js";
import { type ClientStack, startClientStack } from "../support/stack.js";

let stack: ClientStack;
let apiKey: string;

beforeAll(async () => {
  stack = await startClientStack();
  apiKey = await stack.edge.createKey();
});
afterAll(async () => {
  await stack?.stop();
});

/** POST /v1/videos over plain HTTP, as any client that speaks the API would. */
async function create(body: Record<string, unknown>, prefer?: string) {
  const started = Date.now();
  const res = await fetch(`${stack.edge.url}/v1/videos`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      ...(prefer ? { prefer } : {}),
    },
    body: JSON.stringify({ num_inference_steps: 4, ...body }),
  });
  return { res, video: (await res.json()) as Video, ms: Date.now() - started };
}

describe("Prefer: wait against the real edge, a lease-protocol runner and S3", () => {
  it("answers one request with the finished video (201), whose MP4 downloads", async () => {
    const { res, video } = await create({ prompt: "A red ball rises from the bottom to the top.", seed: 5 }, "wait=30");
    expect(res.status).toBe(201);
    expect(res.headers.get("preference-applied")).toBe("wait=30");
    expect(res.headers.get("location")).toBe(`${stack.edge.url}/v1/videos/${video.id}`);
    expect(video.status).toBe("succeeded");
    expect(video.progress.percent).toBe(100);
    const mp4 = video.outputs.find((o) => o.variant === "mp4");
    const download = await fetch(mp4?.url ?? "");
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(media().mp4.bytes);

    // The same request again is a cache hit: 200 at once, no waiting.
    const again = await create({ prompt: "A red ball rises from the bottom to the top.", seed: 5 }, "wait=30");
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get("x-cache")).toBe("HIT");
    expect(again.video.id).toBe(video.id);
    expect(again.ms).toBeLessThan(2_000);
  });

  it("answers 202 at once without the preference, as before", async () => {
    const { res, video } = await create({ prompt: "A blue triangle falls from the top to the bottom." });
    expect(res.status).toBe(202);
    expect(res.headers.has("preference-applied")).toBe(false);
    expect(video.status).toBe("queued");
  });
});
