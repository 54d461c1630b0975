import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RateLimitError, verifyWebhook } from "@sketchreel/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe } from "../harness/ffprobe.js";
import { startTestStack, type TestStack } from "../harness/stack.js";
import { startWebhookReceiver, type WebhookReceiver } from "../harness/webhook-receiver.js";

// SDK → edge (workerd) → runner (onnxruntime, ffmpeg) → S3 (s3rver) → content URL, all real.
let t: TestStack;
let hooks: WebhookReceiver;
const out = mkdtempSync(join(tmpdir(), "sketchreel-e2e-"));
const FAST = { num_inference_steps: 2 } as const;

beforeAll(async () => {
  [t, hooks] = await Promise.all([
    startTestStack({ runners: 1, edgeVars: { TIER_LIMITS: JSON.stringify({ free: { requests_per_minute: 5 } }) } }),
    startWebhookReceiver(),
  ]);
});
afterAll(async () => {
  await t?.stop();
  await hooks?.close();
});

describe("a prompt through the whole stack", () => {
  it("creates, waits with progress, and downloads an MP4 and GIF that ffprobe decodes", async () => {
    const stages: string[] = [];
    const video = await t.client.videos.createAndWait(
      { prompt: "A red ball falls while a green square stays on the left", seed: 11, outputs: ["mp4", "gif"], ...FAST },
      { onProgress: (p) => stages.push(p.stage), timeout: 120_000 },
    );
    expect(video.status).toBe("succeeded");
    expect(video.cached).toBe(false);
    expect(stages[0]).toBe("queued");
    expect(stages.at(-1)).toBe("done");
    expect(stages.length).toBeGreaterThan(2); // at least one running stage seen in between
    expect(video.outputs.map((o) => o.variant).sort()).toEqual(["gif", "mp4"]);

    for (const variant of ["mp4", "gif"] as const) {
      const res = await t.client.videos.content(video.id, { variant });
      expect(res.headers.get("content-type")).toBe(variant === "mp4" ? "video/mp4" : "image/gif");
      const path = join(out, `${video.id}.${variant}`);
      writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
      const probed = await probe(path);
      expect(probed.codec_name).toBe(variant === "mp4" ? "h264" : "gif");
      expect(probed.frames).toBe(video.params.num_frames);
      const output = video.outputs.find((o) => o.variant === variant)!;
      if (output.width) expect(probed.width).toBe(output.width);
    }
    expect(t.logs.find("job started", video.id)).toHaveLength(1);
  });

  it("makes the 16:9 format at the longest length, 256×144 and 32 frames: an MP4 of that length and aspect", async () => {
    const video = await t.client.videos.createAndWait(
      {
        prompt: "Three red balls in a row slide from the top to the bottom.",
        ...{ width: 256, height: 144, num_frames: 32, seed: 5, outputs: ["mp4"] },
        ...FAST,
      },
      { timeout: 120_000 },
    );
    expect(video.params).toMatchObject({ width: 256, height: 144, num_frames: 32 });
    const res = await t.client.videos.content(video.id, { variant: "mp4" });
    const path = join(out, `${video.id}-wide.mp4`);
    writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
    const probed = await probe(path);
    expect(probed).toMatchObject({ codec_name: "h264", frames: 32 });
    expect(probed.width * 144).toBe(probed.height * 256);
  });

  it("serves an identical seeded template request from the cache, without runner work", async () => {
    const request = {
      template: { id: "slide-in-to-center", variables: { color: "red", shape: "ball" } },
      seed: 7,
      outputs: ["poster" as const],
      ...FAST,
    };
    const first = await t.client.videos.createAndWait(request, { timeout: 120_000 });
    expect(first.prompt).toContain("red ball");
    const jobsBefore = t.logs.find("job started").length;

    const second = await t.client.videos.create(request);
    expect(second.cached).toBe(true);
    expect(second.status).toBe("succeeded");
    expect(second.outputs[0]?.sha256).toBe(first.outputs[0]?.sha256);
    const poster = await t.client.videos.content(second.id, { variant: "poster" });
    expect(poster.status).toBe(200);
    expect(new Uint8Array(await poster.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode("PNG"));
    // Give a runner every chance to (wrongly) pick something up, then check none did.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(t.logs.find("job started").length).toBe(jobsBefore);
  });

  it("cancels a running job: it ends canceled and the runner stops", async () => {
    const video = await t.client.videos.create({
      prompt: "a blue cube slides from left to right",
      num_inference_steps: 50,
    });
    // The runner has it once it logs "job started": 50 steps take seconds, so this cancels mid-run.
    await t.logs.waitFor((l) => l.msg === "job started" && l.job_id === video.id);
    await t.client.videos.cancel(video.id);
    const finished = await t.logs.waitFor((l) => l.msg === "job finished" && l.job_id === video.id);
    expect(finished.outcome).toBe("canceled");
    const after = await t.client.videos.get(video.id);
    expect(after.status).toBe("canceled");
    expect(after.progress.step).toBeLessThan(50);
  });

  it("delivers a signed webhook that verifies with the stack's secret", async () => {
    const video = await t.client.videos.createAndWait(
      { prompt: "an orange triangle drifts to the top", webhook_url: hooks.url, outputs: ["poster"], ...FAST },
      { timeout: 120_000 },
    );
    const hook = await hooks.waitFor((h) => h.body.includes(video.id) && h.body.includes("video.succeeded"));
    const event = await verifyWebhook(hook.body, hook.headers as Record<string, string>, t.stack.info.webhookSecret);
    expect(event.type).toBe("video.succeeded");
    expect(event.data.id).toBe(video.id);
    await expect(
      verifyWebhook(
        hook.body.replace("succeeded", "failed"),
        hook.headers as Record<string, string>,
        t.stack.info.webhookSecret,
      ),
    ).rejects.toThrow();
  });

  it("rate-limits a key: 429 problem+json with Retry-After and RateLimit headers", async () => {
    const key = await t.createKey("free");
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 8 && !limited; i++) {
      const res = await fetch(`${t.apiUrl}/v1/usage`, { headers: { authorization: `Bearer ${key}` } });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.body?.cancel();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited?.headers.get("ratelimit-policy")).toBe('"per-key";q=5;w=60');
    expect(limited?.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(limited?.headers.get("content-type")).toContain("application/problem+json");
    expect(await limited?.json()).toMatchObject({ status: 429, request_id: expect.any(String) });
    await expect(t.clientFor(key).usage.get()).rejects.toBeInstanceOf(RateLimitError);
  });
});
