import type { CreateVideoParams, Progress, Sketchreel, Video } from "@sketchreel/sdk";
import type { PreviewParams, StoredPreview } from "../shared/messages.js";
import { gifKeyframes } from "./keyframes.js";

export interface GeneratedPreview {
  preview: StoredPreview;
  gif: Uint8Array;
  keyframes: Uint8Array[];
}

/** Random unsigned 32-bit seed, so "regenerate" gives a new take of the same prompt. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/**
 * Creates the video, reports progress until it succeeds, then downloads the GIF and poster from
 * fresh presigned URLs and cuts the storyboard keyframes.
 */
export async function generatePreview(
  client: Sketchreel,
  prompt: string,
  params: Omit<PreviewParams, "seed"> & { seed: number | null },
  onProgress: (progress: Progress, video: Video) => void,
  signal?: AbortSignal,
): Promise<GeneratedPreview> {
  const request: CreateVideoParams = {
    prompt,
    width: params.width,
    height: params.height,
    num_frames: params.num_frames,
    fps: params.fps,
    outputs: ["mp4", "gif", "poster"],
    ...(params.seed === null ? {} : { seed: params.seed }),
  };
  const done = await client.videos.createAndWait(request, { onProgress, ...(signal ? { signal } : {}) });
  const fresh = await client.videos.get(done.id, signal ? { signal } : {});
  const gif = await download(fresh, "gif", signal);
  if (!gif) throw new Error(`video ${fresh.id} has no GIF output`);
  const poster = await download(fresh, "poster", signal);
  const keyframes = await gifKeyframes(gif, poster);
  return {
    preview: {
      videoId: fresh.id,
      prompt: fresh.prompt,
      params: { ...params, ...pick(fresh.params) },
      embedUrl: fresh.share?.embed_url ?? null,
    },
    gif,
    keyframes,
  };
}

function pick(p: Video["params"]): PreviewParams {
  return { width: p.width, height: p.height, num_frames: p.num_frames, fps: p.fps, seed: p.seed };
}

async function download(video: Video, variant: "gif" | "poster", signal?: AbortSignal) {
  const url = video.outputs.find((o) => o.variant === variant)?.url;
  if (!url) return null;
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`downloading the ${variant} failed: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
