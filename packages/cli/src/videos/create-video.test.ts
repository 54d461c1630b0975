import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { readCreateParams, variantForFile } from "./create-video.js";

describe("videos create arguments", () => {
  it("builds the request body from the prompt and flags, as the API names the fields", () => {
    expect(
      readCreateParams("a red ball falls", {
        seed: "3",
        steps: "8",
        size: "64x64",
        frames: "16",
        outputs: "mp4,gif",
        metadata: ["order=42"],
        model: "shape-world-tiny",
      }),
    ).toEqual({
      prompt: "a red ball falls",
      seed: 3,
      num_inference_steps: 8,
      width: 64,
      height: 64,
      num_frames: 16,
      outputs: ["mp4", "gif"],
      metadata: { order: "42" },
      model: "shape-world-tiny",
    });
    expect(readCreateParams(undefined, { template: "slide-in-to-center", var: ["color=red", "speed=2"] })).toEqual({
      template: { id: "slide-in-to-center", variables: { color: "red", speed: 2 } },
    });
  });

  it("names every bad flag at once", () => {
    const error = (() => {
      try {
        readCreateParams(undefined, { seed: "x", outputs: "mp4,mov", var: ["color"], output: "clip.avi" });
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.errors.map((e) => e.message)).toEqual([
      "give a prompt, or --template ID",
      "--var sets a template's variable: add --template ID",
      '--seed must be a number (got "x")',
      '--var must be NAME=VALUE (got "color")',
      "--outputs takes mp4, webm, gif, poster (got mov)",
      '-o "clip.avi": use .mp4, .webm, .gif or .png',
    ]);
    expect(() => readCreateParams("a", { outputs: "mp4", output: "a.gif" })).toThrow(
      "-o a.gif needs gif in --outputs (got mp4)",
    );
  });

  it("picks the rendition from -o's extension", () => {
    expect(["a.mp4", "b.WEBM", "c.gif", "d.png", "e.mov"].map(variantForFile)).toEqual([
      "mp4",
      "webm",
      "gif",
      "poster",
      undefined,
    ]);
  });
});
