import { EncodeError, FfmpegMissingError } from "@sketchreel/encode";
import { InvalidParamsError, ModelPackageError } from "@sketchreel/pipeline";
import { describe, expect, it } from "vitest";
import { StorageError } from "../storage/index.js";
import { EdgeHttpError } from "./edge-retry-policy.js";
import { describeFailure, ModelVersionMismatchError } from "./job-failure.js";
import { outputKey } from "./output-keys.js";

describe("describeFailure", () => {
  it("bad parameters and bad frames are permanent: retrying cannot fix them", () => {
    const params = new InvalidParamsError([
      { field: "width", rule: "max", message: "width must be at most 64 (got 128)" },
    ]);
    expect(describeFailure(params)).toEqual({
      code: "invalid_params",
      message: "width must be at most 64 (got 128)",
      retryable: false,
    });
    expect(describeFailure(new EncodeError("invalid_frames", "frame 1 has 10 bytes")).retryable).toBe(false);
  });

  it("runner-side problems are retryable so another runner can take the job", () => {
    expect(describeFailure(new FfmpegMissingError("ffmpeg"))).toMatchObject({
      code: "ffmpeg_missing",
      retryable: true,
    });
    expect(describeFailure(new ModelPackageError("model_index.json", "latent", "missing"))).toMatchObject({
      code: "invalid_model_package",
      retryable: true,
    });
    expect(describeFailure(new ModelVersionMismatchError("m", "2.0.0", "1.0.0"))).toEqual({
      code: "model_version_mismatch",
      message: "job wants m version 2.0.0 but this runner has 1.0.0 loaded",
      retryable: true,
    });
    expect(describeFailure(new Error("boom"))).toEqual({ code: "internal", message: "boom", retryable: true });
  });

  it("keeps the storage layer's own verdict", () => {
    expect(describeFailure(new StorageError("k", false, 1, new Error("AccessDenied")))).toMatchObject({
      code: "upload_failed",
      retryable: false,
    });
    expect(describeFailure(new StorageError("k", true, 4, new Error("ECONNRESET")))).toMatchObject({ retryable: true });
  });

  it("edge rejections are retryable only when the edge itself failed", () => {
    expect(describeFailure(new EdgeHttpError(422, "validation_failed", "outputs.0.key", null)).retryable).toBe(false);
    expect(describeFailure(new EdgeHttpError(503, undefined, "unavailable", null)).retryable).toBe(true);
  });
});

describe("outputKey", () => {
  it("puts each attempt's objects in a folder of their own under the job's prefix", () => {
    expect(outputKey("t1/vid_abc/", 1, "mp4")).toBe("t1/vid_abc/attempt-1/video.mp4");
    expect(outputKey("t1/vid_abc", 2, "poster")).toBe("t1/vid_abc/attempt-2/poster.png");
    expect(outputKey("t1/vid_abc", 3, "gif")).toBe("t1/vid_abc/attempt-3/preview.gif");
  });
});
