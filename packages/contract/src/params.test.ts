import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./problem.js";
import { CreateVideoRequest } from "./videos.js";

function errorsOf(body: unknown) {
  const result = CreateVideoRequest.safeParse(body);
  if (result.success) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  return toFieldErrors(result.error, body);
}

describe("CreateVideoRequest", () => {
  it("accepts a minimal prompt and normalizes its whitespace", () => {
    const parsed = CreateVideoRequest.parse({ prompt: "  a red ball\n moves   from left to right " });
    expect(parsed.prompt).toBe("a red ball moves from left to right");
  });

  it("accepts every parameter at its bounds", () => {
    const parsed = CreateVideoRequest.parse({
      prompt: "x".repeat(1000),
      negative_prompt: "",
      width: 2048,
      height: 16,
      num_frames: 241,
      fps: 60,
      num_inference_steps: 1,
      guidance_scale: 20,
      seed: 4_294_967_295,
      scheduler: "euler",
      outputs: ["mp4", "webm", "gif", "poster"],
      webhook_url: "https://example.com/hook",
      metadata: { project: "launch" },
    });
    expect(parsed.seed).toBe(4_294_967_295);
  });

  it.each([
    [{ prompt: "a", width: 500 }, "width", "multiple_of", "width must be a multiple of 16 (got 500)"],
    [{ prompt: "a", height: 4096 }, "height", "maximum", "height must be at most 2048 (got 4096)"],
    [{ prompt: "a", num_frames: 0 }, "num_frames", "minimum", "num_frames must be at least 1 (got 0)"],
    [{ prompt: "a", fps: 24.5 }, "fps", "type", "fps must be an integer"],
    [
      { prompt: "a", num_inference_steps: 101 },
      "num_inference_steps",
      "maximum",
      "num_inference_steps must be at most 100 (got 101)",
    ],
    [{ prompt: "a", guidance_scale: 0.5 }, "guidance_scale", "minimum", "guidance_scale must be at least 1 (got 0.5)"],
    [{ prompt: "a", seed: -1 }, "seed", "minimum", "seed must be at least 0 (got -1)"],
    [{ prompt: "a", seed: 2 ** 32 }, "seed", "maximum", "seed must be at most 4294967295 (got 4294967296)"],
    [{ prompt: "a", seed: "7" }, "seed", "type", "seed must be a number"],
    [{ prompt: "a", scheduler: "ddim" }, "scheduler", "enum", "scheduler must be one of unipc, euler"],
    [{ prompt: "a", outputs: ["mov"] }, "outputs.0", "enum", "variant must be one of mp4, webm, gif, poster"],
    [
      { prompt: "a", webhook_url: "ftp://x.y/z" },
      "webhook_url",
      "custom",
      "webhook_url must use https (http only in local dev)",
    ],
    [{ prompt: "" }, "prompt", "minimum", "prompt must not be empty"],
    [{ prompt: "   " }, "prompt", "minimum", "prompt must not be empty"],
    [{ prompt: "x".repeat(1001) }, "prompt", "maximum", "prompt must be at most 1000 characters (got 1001)"],
    [{ prompt: "bell\u0007" }, "prompt", "custom", "prompt must not contain control characters"],
    [{ prompt: 42 }, "prompt", "type", "prompt must be a string"],
  ])("rejects %j naming %s", (body, field, rule, message) => {
    const errors = errorsOf(body);
    expect(errors).toContainEqual({ field, rule, message: expect.stringContaining(message) });
  });

  it("requires a prompt or a template, not both", () => {
    expect(errorsOf({})).toContainEqual(expect.objectContaining({ field: "prompt" }));
    expect(
      errorsOf({ prompt: "a", template: { id: "slide-in-to-center", variables: {} } }).map((e) => e.field),
    ).toContain("template");
    expect(CreateVideoRequest.parse({ template: { id: "slide-in-to-center" } }).template?.variables).toEqual({});
  });

  it("rejects unknown fields by name", () => {
    const errors = errorsOf({ prompt: "a", widht: 64 });
    expect(errors).toContainEqual({ field: "(body)", rule: "unknown_field", message: "unknown field(s): widht" });
  });

  it("rejects a repeated output variant", () => {
    expect(errorsOf({ prompt: "a", outputs: ["gif", "gif"] })[0]?.field).toBe("outputs");
  });

  it("lists every broken field at once", () => {
    const fields = errorsOf({ prompt: "a", width: 17, height: 0, fps: 0 }).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["width", "height", "fps"]));
  });
});
