import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ProbedVideo {
  codec_name: string;
  pix_fmt?: string;
  width: number;
  height: number;
  /** Frames ffprobe actually decoded (-count_frames). */
  frames: number;
  format: string;
}

/** ffprobe's view of the first video stream of a file, every frame decoded and counted. */
export async function probe(path: string): Promise<ProbedVideo> {
  const { stdout } = await run("ffprobe", [
    ...["-v", "error", "-count_frames", "-select_streams", "v:0"],
    ...["-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames:format=format_name"],
    ...["-of", "json", path],
  ]);
  const parsed = JSON.parse(stdout) as {
    streams: { codec_name: string; pix_fmt?: string; width: number; height: number; nb_read_frames: string }[];
    format: { format_name: string };
  };
  const stream = parsed.streams[0];
  if (!stream) throw new Error(`ffprobe found no video stream in ${path}`);
  return { ...stream, frames: Number(stream.nb_read_frames), format: parsed.format.format_name };
}
