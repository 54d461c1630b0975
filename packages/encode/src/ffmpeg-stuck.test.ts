import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePattern } from "../test/pattern.js";
import { EncodeError, encodeToBuffer } from "./index.js";

// An "ffmpeg" that never exits (issue 14: a stuck encoder held its job's lease forever). It records its
// pid so the test can check it was killed, not merely abandoned.
const { video } = makePattern(32, 32, 4, 8);
let dir: string;
let stuckFfmpeg: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sketchreel-stuck-ffmpeg-"));
  stuckFfmpeg = join(dir, "ffmpeg");
  await writeFile(stuckFfmpeg, `#!/bin/sh\necho $$ > "${dir}/pid"\nexec sleep 600\n`);
  await chmod(stuckFfmpeg, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const stuckPid = async () => Number((await readFile(join(dir, "pid"), "utf8")).trim());

describe("a stuck ffmpeg", () => {
  it("is killed after the timeout and the encode fails with ffmpeg_timeout", async () => {
    const started = performance.now();
    const error = await encodeToBuffer(video, "mp4", { ffmpegPath: stuckFfmpeg, timeoutMs: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect((error as EncodeError).code).toBe("ffmpeg_timeout");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(isAlive(await stuckPid())).toBe(false);
  });

  it("is killed when the signal aborts, and the encode rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("canceled by request");
    setTimeout(() => controller.abort(reason), 200);
    const error = await encodeToBuffer(video, "webm", {
      ffmpegPath: stuckFfmpeg,
      timeoutMs: 60_000,
      signal: controller.signal,
    }).catch((e) => e);
    expect(error).toBe(reason);
    expect(isAlive(await stuckPid())).toBe(false);
  });

  it("is never started for a signal that has already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    await expect(encodeToBuffer(video, "mp4", { ffmpegPath: stuckFfmpeg, signal: controller.signal })).rejects.toThrow(
      "gone",
    );
  });
});
