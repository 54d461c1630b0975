import { relative } from "node:path";
import type { JobState, Sketchreel, Variant } from "@sketchreel/sdk";
import type { ApiFlags } from "../remote/api-options.js";
import { downloadVariant, EXTENSIONS } from "../remote/download.js";
import type { RemoteState } from "../remote/run-remote.js";
import { UsageError } from "../usage-error.js";
import { formatVideoList } from "./format-video.js";
import { printVideo, readTimeout, waitOptions } from "./wait-for-video.js";

interface JsonFlags extends ApiFlags {
  json?: boolean;
}
export type GetFlags = JsonFlags & { wait?: boolean; timeout?: string };
export type ListFlags = JsonFlags & { limit?: string; status?: JobState; cursor?: string };
export type DownloadFlags = JsonFlags & { variant: Variant; output?: string };
const print = (flags: JsonFlags, body: unknown, text: string) =>
  process.stdout.write(`${flags.json ? JSON.stringify(body) : text}\n`);

/** `sketchreel videos get ID [--wait]`: the video now, or once it has finished. */
export async function getVideo(
  client: Sketchreel,
  id: string,
  flags: GetFlags,
  signal: AbortSignal,
  state: RemoteState,
): Promise<void> {
  state.videoId = id;
  if (!flags.wait) return printVideo(await client.videos.get(id, { signal }), flags.json === true);
  const { options, done } = waitOptions(readTimeout(flags.timeout), signal, state);
  printVideo(await client.videos.wait(id, options).finally(done), flags.json === true);
}

/** `sketchreel videos list`: one page, newest first. */
export async function listVideos(client: Sketchreel, flags: ListFlags, signal: AbortSignal): Promise<void> {
  let limit: number | undefined;
  if (flags.limit !== undefined) {
    limit = Number(flags.limit);
    if (!/^\d+$/.test(flags.limit) || limit < 1 || limit > 100) {
      throw new UsageError([
        {
          field: "limit",
          rule: "range",
          message: `--limit must be an integer from 1 to 100 (got ${JSON.stringify(flags.limit)})`,
        },
      ]);
    }
  }
  const page = await client.videos.list(
    {
      ...(limit ? { limit } : {}),
      ...(flags.status ? { status: flags.status } : {}),
      ...(flags.cursor ? { cursor: flags.cursor } : {}),
    },
    { signal },
  );
  print(flags, page, formatVideoList(page));
}

/** `sketchreel videos cancel ID`: a queued video ends at once; a running one at its runner's next heartbeat. */
export async function cancelVideo(
  client: Sketchreel,
  id: string,
  flags: JsonFlags,
  signal: AbortSignal,
): Promise<void> {
  const video = await client.videos.cancel(id, { signal });
  const text =
    video.status === "canceled"
      ? `${id} canceled`
      : `${id} ${video.status}: cancel requested, it stops at its runner's next heartbeat`;
  print(flags, video, text);
}

/** `sketchreel videos delete ID`: the video and its stored outputs. */
export async function deleteVideo(
  client: Sketchreel,
  id: string,
  flags: JsonFlags,
  signal: AbortSignal,
): Promise<void> {
  await client.videos.delete(id, { signal });
  print(flags, { id, deleted: true }, `${id} deleted`);
}

/** `sketchreel videos download ID`: one rendition to a file (default `<id>.<ext>` here). */
export async function downloadVideo(
  client: Sketchreel,
  id: string,
  flags: DownloadFlags,
  signal: AbortSignal,
): Promise<void> {
  const file = await downloadVariant(
    client,
    id,
    flags.variant,
    flags.output ?? `${id}.${EXTENSIONS[flags.variant]}`,
    signal,
  );
  const where = relative(process.cwd(), file.path) || file.path;
  print(flags, { id, ...file }, `wrote ${where} (${file.bytes} bytes, ${file.content_type ?? "unknown type"})`);
}
