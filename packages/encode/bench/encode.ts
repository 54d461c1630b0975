/**
 * Encoder benchmark (not a test): `npm run bench -w @sketchreel/encode [-- --runs 3]`. For the embedded
 * model's clip (64 × 64 × 16 at 8 fps, upscaled to 256 px) and a Wan-sized one (1280 × 704 × 121 at
 * 24 fps), prints the median wall time, output size and throughput (frames/s) of every format.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { VideoFrames } from "@sketchreel/pipeline";
import { type EncodeFormat, encodeToFile } from "../src/index.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, large: { type: "boolean", default: true } },
});
const runs = Number(values.runs);

/** Flat-shaded moving squares on the shape-world background: what the encoders see in practice. */
function clip(width: number, height: number, frames: number, fps: number): VideoFrames {
  const size = Math.round(Math.min(width, height) / 5);
  return {
    width,
    height,
    fps,
    frames: Array.from({ length: frames }, (_, f) => {
      const rgb = new Uint8Array(width * height * 3);
      for (let i = 0; i < rgb.length; i += 3) rgb.set([24, 24, 32], i);
      const x0 = Math.round(((width - size) * f) / Math.max(1, frames - 1));
      for (let y = Math.round(height / 2 - size / 2); y < height / 2 + size / 2; y++) {
        for (let x = x0; x < x0 + size; x++) rgb.set([240, 200, 30], (y * width + x) * 3);
      }
      return rgb;
    }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const FORMATS: EncodeFormat[] = ["mp4", "webm", "gif", "poster", "png-frames"];

const cases: [string, VideoFrames][] = [["embedded 64x64x16 @8fps", clip(64, 64, 16, 8)]];
if (values.large) cases.push(["wan-sized 1280x704x121 @24fps", clip(1280, 704, 121, 24)]);

const dir = await mkdtemp(join(tmpdir(), "bench-encode-"));
try {
  for (const [name, video] of cases) {
    console.log(`\n${name} (${runs} runs, median)`);
    console.log("format      ms       bytes      frames/s   output");
    for (const format of FORMATS) {
      const times: number[] = [];
      let last = { bytes: 0, width: 0, height: 0 };
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        last = await encodeToFile(
          video,
          format,
          join(dir, `${format}-${r}${format === "png-frames" ? "" : `.${format}`}`),
        );
        times.push(performance.now() - t);
      }
      const ms = median(times);
      const frames = format === "poster" ? 1 : video.frames.length;
      console.log(
        `${format.padEnd(11)} ${ms.toFixed(0).padStart(6)}  ${String(last.bytes).padStart(10)}  ${(frames / (ms / 1000)).toFixed(1).padStart(9)}   ${last.width}x${last.height}`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
