import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ProbedStream {
  codec_name: string;
  pix_fmt: string;
  width: number;
  height: number;
  nb_read_frames: string;
  r_frame_rate: string;
}

/** ffprobe's view of the first video stream, with frames actually decoded and counted. */
export async function probeVideo(path: string): Promise<ProbedStream> {
  const { stdout } = await run("ffprobe", [
    ...["-v", "error", "-count_frames", "-select_streams", "v:0"],
    ...["-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames,r_frame_rate", "-of", "json", path],
  ]);
  const stream = (JSON.parse(stdout) as { streams: ProbedStream[] }).streams[0];
  if (!stream) throw new Error(`ffprobe found no video stream in ${path}`);
  return stream;
}

/** Every frame of a file decoded by ffmpeg to RGB24 (one Uint8Array per frame). */
export async function decodeFrames(path: string, width: number, height: number): Promise<Uint8Array[]> {
  const { stdout } = await run(
    "ffmpeg",
    ["-v", "error", "-i", path, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
    {
      encoding: "buffer",
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  const size = width * height * 3;
  const frames: Uint8Array[] = [];
  for (let o = 0; o + size <= stdout.length; o += size) frames.push(new Uint8Array(stdout.subarray(o, o + size)));
  return frames;
}
