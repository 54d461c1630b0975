import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Sketchreel, Variant, Video } from "@sketchreel/sdk";

const EXTENSIONS: Record<Variant, string> = { mp4: "mp4", webm: "webm", gif: "gif", poster: "png" };

/** Downloads each variant through the API's content redirect and writes `<dir>/<video id>.<ext>`. */
export async function saveOutputs(client: Sketchreel, video: Video, variants: Variant[], dir: string) {
  const outDir = resolve(dir);
  await mkdir(outDir, { recursive: true });
  const saved: { variant: Variant; path: string; bytes: number }[] = [];
  for (const variant of variants) {
    const res = await client.videos.content(video.id, { variant });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const path = join(outDir, `${video.id}.${EXTENSIONS[variant]}`);
    await writeFile(path, bytes);
    saved.push({ variant, path, bytes: bytes.length });
  }
  return saved;
}
