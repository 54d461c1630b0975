import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePattern, maxBlockCentreError } from "../test/pattern.js";
import { decodeFrames, probeVideo } from "../test/video-probe.js";
import { EncodeError, encodeToBuffer, encodeToFile, FfmpegMissingError } from "./index.js";

const { video, colorAt } = makePattern(64, 64, 12, 8);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "encode-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("encodeToFile: video containers decoded by ffmpeg", () => {
  it("MP4 is H.264 yuv420p, upscaled ×4, every frame present, moov before mdat, pixels match", async () => {
    const out = await encodeToFile(video, "mp4", join(dir, "a.mp4"));
    expect(out).toMatchObject({ contentType: "video/mp4", width: 256, height: 256 });
    const probe = await probeVideo(out.path);
    expect(probe).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", width: 256, height: 256 });
    expect(Number(probe.nb_read_frames)).toBe(12);
    expect(probe.r_frame_rate).toBe("8/1");

    const bytes = await readFile(out.path);
    expect(bytes.length).toBe(out.bytes);
    expect(bytes.indexOf("moov")).toBeGreaterThan(0);
    expect(bytes.indexOf("moov")).toBeLessThan(bytes.indexOf("mdat")); // +faststart

    const decoded = await decodeFrames(out.path, 256, 256);
    expect(decoded).toHaveLength(12);
    expect(maxBlockCentreError(decoded, colorAt, 64, 64, 4)).toBeLessThanOrEqual(6);
  });

  it("WebM is VP9 yuv420p with every frame and matching pixels", async () => {
    const out = await encodeToFile(video, "webm", join(dir, "a.webm"));
    const probe = await probeVideo(out.path);
    expect(probe).toMatchObject({ codec_name: "vp9", pix_fmt: "yuv420p", width: 256, height: 256 });
    expect(Number(probe.nb_read_frames)).toBe(12);
    const decoded = await decodeFrames(out.path, 256, 256);
    expect(maxBlockCentreError(decoded, colorAt, 64, 64, 4)).toBeLessThanOrEqual(6);
  });

  it("GIF loops every frame at 256 px with the pattern's colours", async () => {
    const out = await encodeToFile(video, "gif", join(dir, "a.gif"));
    const probe = await probeVideo(out.path);
    expect(probe).toMatchObject({ codec_name: "gif", width: 256, height: 256 });
    expect(Number(probe.nb_read_frames)).toBe(12);
    const decoded = await decodeFrames(out.path, 256, 256);
    expect(decoded).toHaveLength(12);
    expect(maxBlockCentreError(decoded, colorAt, 64, 64, 4)).toBeLessThanOrEqual(2);
  });

  it("a large clip is not upscaled", async () => {
    const big = makePattern(256, 288, 3, 4);
    const out = await encodeToFile(big.video, "mp4", join(dir, "big.mp4"));
    expect(await probeVideo(out.path)).toMatchObject({ width: 256, height: 288 });
  });
});

describe("PNG outputs (lossless)", () => {
  it("poster is the first frame upscaled, pixel for pixel", async () => {
    const out = await encodeToBuffer(video, "poster");
    expect(out).toMatchObject({ contentType: "image/png", width: 256, height: 256 });
    const path = join(dir, "poster.png");
    await encodeToFile(video, "poster", path);
    const [decoded] = await decodeFrames(path, 256, 256);
    expect(maxBlockCentreError([decoded!], colorAt, 64, 64, 4)).toBe(0);
    // every pixel of a 4×4 block equals its native pixel
    expect(decoded!.subarray(0, 3)).toEqual(video.frames[0]!.subarray(0, 3));
    expect(decoded!.subarray((3 * 256 + 3) * 3, (3 * 256 + 3) * 3 + 3)).toEqual(video.frames[0]!.subarray(0, 3));
  });

  it("poster can take the middle frame", async () => {
    const path = join(dir, "poster-middle.png");
    await encodeToFile(video, "poster", path, { posterFrame: "middle" });
    const [decoded] = await decodeFrames(path, 256, 256);
    const middle = (f: number, x: number, y: number) => colorAt(f === 0 ? 5 : f, x, y);
    expect(maxBlockCentreError([decoded!], middle, 64, 64, 4)).toBe(0);
  });

  it("png-frames writes every frame at native size, decoding to identical bytes", async () => {
    const out = await encodeToFile(video, "png-frames", join(dir, "frames"));
    expect(out).toMatchObject({ width: 64, height: 64, contentType: "image/png" });
    const names = (await readdir(out.path)).sort();
    expect(names).toHaveLength(12);
    expect(names[0]).toBe("frame-0000.png");
    const decoded = await decodeFrames(join(out.path, "frame-%04d.png"), 64, 64);
    expect(decoded).toHaveLength(12);
    for (const [i, frame] of decoded.entries()) {
      expect(Buffer.from(frame).equals(Buffer.from(video.frames[i]!))).toBe(true);
    }
  });
});

describe("errors", () => {
  it("a missing ffmpeg is a typed error, and GIF still works", async () => {
    const opts = { ffmpegPath: join(dir, "no-such-ffmpeg") };
    const err = await encodeToFile(video, "mp4", join(dir, "x.mp4"), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FfmpegMissingError);
    expect((err as FfmpegMissingError).code).toBe("ffmpeg_missing");
    expect((err as Error).message).toContain("no-such-ffmpeg");
    const gif = await encodeToBuffer(video, "gif", opts);
    expect(gif.data.length).toBeGreaterThan(100);
  });

  it("a frame of the wrong size names the frame and both sizes", async () => {
    const bad = { ...video, frames: [video.frames[0]!, new Uint8Array(10)] };
    await expect(encodeToBuffer(bad, "gif")).rejects.toThrow(
      new EncodeError("invalid_frames", "frame 1 has 10 bytes but a 64x64 RGB24 frame has 12288"),
    );
  });

  it("an unknown format is rejected by name", async () => {
    await expect(encodeToFile(video, "avi" as never, join(dir, "x.avi"))).rejects.toThrow(/format must be one of/);
  });
});
