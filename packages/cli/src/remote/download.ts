import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sketchreel, Variant } from "@sketchreel/sdk";

/** The file extension of each rendition. */
export const EXTENSIONS: Record<Variant, string> = { mp4: "mp4", webm: "webm", gif: "gif", poster: "png" };

export interface Downloaded {
  variant: Variant;
  path: string;
  bytes: number;
  content_type: string | null;
}

/** Streams one rendition (through the API's content redirect) to `path`; a failed download leaves no file. */
export async function downloadVariant(
  client: Sketchreel,
  id: string,
  variant: Variant,
  path: string,
  signal?: AbortSignal,
): Promise<Downloaded> {
  const response = await client.videos.content(id, { variant }, signal ? { signal } : {});
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  let bytes = 0;
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  try {
    await pipeline(body, createWriteStream(file), signal ? { signal } : {});
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { variant, path: file, bytes, content_type: response.headers.get("content-type") };
}

/** Downloads each variant to `<dir>/<video id>.<ext>`. */
export async function saveOutputs(client: Sketchreel, id: string, variants: Variant[], dir: string) {
  const saved: Downloaded[] = [];
  for (const variant of variants)
    saved.push(await downloadVariant(client, id, variant, join(dir, `${id}.${EXTENSIONS[variant]}`)));
  return saved;
}
