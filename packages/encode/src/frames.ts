import type { VideoFrames } from "@sketchreel/pipeline";
import { EncodeError } from "./errors.js";

/** Throws a clear error naming the rule when a clip cannot be encoded as given. */
export function assertValidFrames(video: VideoFrames): void {
  const { width, height, fps, frames } = video;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new EncodeError(
      "invalid_frames",
      `width and height must be positive integers but are ${width} and ${height}`,
    );
  }
  if (!(fps > 0)) throw new EncodeError("invalid_frames", `fps must be positive but is ${fps}`);
  if (frames.length === 0) throw new EncodeError("invalid_frames", "a clip needs at least one frame (got 0)");
  const expected = width * height * 3;
  frames.forEach((frame, i) => {
    if (frame.length !== expected) {
      throw new EncodeError(
        "invalid_frames",
        `frame ${i} has ${frame.length} bytes but a ${width}x${height} RGB24 frame has ${expected}`,
      );
    }
  });
}

/** Smallest integer factor that makes both sides at least `minSize` (1 when already large enough). */
export function upscaleFactor(width: number, height: number, minSize: number): number {
  return Math.max(1, Math.ceil(minSize / Math.min(width, height)));
}

/** Nearest-neighbour upscale of one RGB24 frame by an integer factor: every pixel becomes a k×k block. */
export function upscaleFrame(frame: Uint8Array, width: number, height: number, factor: number): Uint8Array {
  if (factor === 1) return frame;
  const outWidth = width * factor;
  const out = new Uint8Array(outWidth * height * factor * 3);
  const rowBytes = outWidth * 3;
  for (let y = 0; y < height; y++) {
    const rowStart = y * factor * rowBytes;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 3;
      for (let dx = 0; dx < factor; dx++) {
        const dst = rowStart + (x * factor + dx) * 3;
        out[dst] = frame[src]!;
        out[dst + 1] = frame[src + 1]!;
        out[dst + 2] = frame[src + 2]!;
      }
    }
    for (let dy = 1; dy < factor; dy++) out.copyWithin(rowStart + dy * rowBytes, rowStart, rowStart + rowBytes);
  }
  return out;
}

/** The whole clip upscaled so both sides reach `minSize` (a no-op copy-free pass when already large). */
export function upscaleVideo(video: VideoFrames, minSize: number): VideoFrames {
  const factor = upscaleFactor(video.width, video.height, minSize);
  if (factor === 1) return video;
  return {
    width: video.width * factor,
    height: video.height * factor,
    fps: video.fps,
    frames: video.frames.map((f) => upscaleFrame(f, video.width, video.height, factor)),
  };
}
