import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VideoFrames } from "@sketchreel/pipeline";
import { EncodeError } from "./errors.js";
import { encodeWithFfmpeg } from "./ffmpeg.js";
import { assertValidFrames, upscaleVideo } from "./frames.js";
import { encodeGif } from "./gif.js";
import { encodePng } from "./png.js";

export { EncodeError, FfmpegMissingError } from "./errors.js";
export { encodePng } from "./png.js";

export const ENCODE_FORMATS = ["mp4", "webm", "gif", "poster", "png-frames"] as const;
export type EncodeFormat = (typeof ENCODE_FORMATS)[number];

export const CONTENT_TYPES: Record<EncodeFormat, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  gif: "image/gif",
  poster: "image/png",
  "png-frames": "image/png",
};

export interface EncodeOptions {
  /** Small clips are upscaled (nearest neighbour, integer factor) until both sides reach this. Default 256. */
  minSize?: number;
  /** Which frame becomes the poster. Default "first". */
  posterFrame?: "first" | "middle";
  /** The ffmpeg binary for MP4/WebM. Default "ffmpeg" (looked up on PATH). */
  ffmpegPath?: string;
  /** Kills ffmpeg (SIGKILL) and rejects with the signal's reason when it aborts: cancel, lease loss. */
  signal?: AbortSignal;
  /** ffmpeg is killed and the encode fails with `ffmpeg_timeout` after this long. Default 120 s. */
  timeoutMs?: number;
}

export interface EncodedBuffer {
  data: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  /** Lowercase hex SHA-256 of `data`. */
  sha256: string;
}

export interface EncodedFile {
  /** The file written; for "png-frames", the directory holding frame-0000.png, frame-0001.png, … */
  path: string;
  /** File size; for "png-frames", the sum over all frames. */
  bytes: number;
  /** SHA-256 of the file; for "png-frames", of the frames' bytes concatenated in order. */
  sha256: string;
  contentType: string;
  width: number;
  height: number;
  /** Only for "png-frames": every file written, in frame order. */
  files?: string[];
}

const DEFAULT_MIN_SIZE = 256;
const DEFAULT_FFMPEG_TIMEOUT_MS = 120_000;

const sha256Hex = (...parts: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p);
  return hash.digest("hex");
};

function posterIndex(video: VideoFrames, which: EncodeOptions["posterFrame"]): number {
  return which === "middle" ? Math.floor((video.frames.length - 1) / 2) : 0;
}

/** Encodes a clip in memory (MP4/WebM go through a temporary file because `+faststart` needs to seek). */
export async function encodeToBuffer(
  video: VideoFrames,
  format: Exclude<EncodeFormat, "png-frames">,
  opts: EncodeOptions = {},
): Promise<EncodedBuffer> {
  assertValidFrames(video);
  const minSize = opts.minSize ?? DEFAULT_MIN_SIZE;
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case "gif": {
      const { data, width, height } = encodeGif(video, minSize);
      return { data, contentType, width, height, sha256: sha256Hex(data) };
    }
    case "poster": {
      const frame = video.frames[posterIndex(video, opts.posterFrame)]!;
      const big = upscaleVideo({ ...video, frames: [frame] }, minSize);
      const data = encodePng(big.frames[0]!, big.width, big.height);
      return { data, contentType, width: big.width, height: big.height, sha256: sha256Hex(data) };
    }
    case "mp4":
    case "webm": {
      const dir = await mkdtemp(join(tmpdir(), "sketchreel-encode-"));
      try {
        const out = await encodeToFile(video, format, join(dir, `video.${format}`), opts);
        const data = await readFile(out.path);
        return { data, contentType, width: out.width, height: out.height, sha256: out.sha256 };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    default:
      throw new EncodeError(
        "unsupported_format",
        `format must be one of mp4, webm, gif, poster but is ${String(format)}`,
      );
  }
}

/** Encodes a clip to `path` (a directory for "png-frames", created if missing). */
export async function encodeToFile(
  video: VideoFrames,
  format: EncodeFormat,
  path: string,
  opts: EncodeOptions = {},
): Promise<EncodedFile> {
  assertValidFrames(video);
  const contentType = CONTENT_TYPES[format];
  if (format === "png-frames") return writePngFrames(video, path);
  if (format === "mp4" || format === "webm") {
    const big = upscaleVideo(video, opts.minSize ?? DEFAULT_MIN_SIZE);
    await encodeWithFfmpeg(big, format, path, {
      ffmpegPath: opts.ffmpegPath ?? "ffmpeg",
      timeoutMs: opts.timeoutMs ?? DEFAULT_FFMPEG_TIMEOUT_MS,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const data = await readFile(path);
    const even = (n: number) => n + (n % 2);
    return {
      path,
      bytes: data.length,
      sha256: sha256Hex(data),
      contentType,
      width: even(big.width),
      height: even(big.height),
    };
  }
  if (!(ENCODE_FORMATS as readonly string[]).includes(format)) {
    throw new EncodeError(
      "unsupported_format",
      `format must be one of ${ENCODE_FORMATS.join(", ")} but is ${String(format)}`,
    );
  }
  const out = await encodeToBuffer(video, format, opts);
  await writeFile(path, out.data);
  return { path, bytes: out.data.length, sha256: out.sha256, contentType, width: out.width, height: out.height };
}

/** Native-size PNGs, one per frame: the lossless form used for evaluation and debugging. */
async function writePngFrames(video: VideoFrames, dir: string): Promise<EncodedFile> {
  await mkdir(dir, { recursive: true });
  const pngs = video.frames.map((f) => encodePng(f, video.width, video.height));
  const files = pngs.map((_, i) => join(dir, `frame-${String(i).padStart(4, "0")}.png`));
  await Promise.all(pngs.map((png, i) => writeFile(files[i]!, png)));
  const bytes = pngs.reduce((n, p) => n + p.length, 0);
  return {
    path: dir,
    bytes,
    sha256: sha256Hex(...pngs),
    contentType: "image/png",
    width: video.width,
    height: video.height,
    files,
  };
}
