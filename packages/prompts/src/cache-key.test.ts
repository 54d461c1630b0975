import { describe, expect, it } from "vitest";
import { type CacheKeyInput, computeCacheKey } from "./cache-key.js";

const base: CacheKeyInput = {
  model: { id: "shape-world-tiny", version: "1.0.0" },
  prompt: "A red ball falls from the top to the bottom.",
  negativePrompt: "",
  params: {
    width: 64,
    height: 64,
    num_frames: 16,
    fps: 8,
    num_inference_steps: 20,
    guidance_scale: 4,
    seed: 7,
    scheduler: "unipc",
  },
  outputs: ["mp4", "gif"],
};

describe("computeCacheKey", () => {
  it("is the SHA-256 of the sorted canonical JSON", async () => {
    // Golden value: `printf '%s' '<canonical JSON of base>' | sha256sum` (coreutils), the canonical JSON being
    // {"model":{"id":"shape-world-tiny","version":"1.0.0"},"negative_prompt":"","outputs":["gif","mp4"],"params":
    // {"fps":8,"guidance_scale":4,"height":64,"num_frames":16,"num_inference_steps":20,"scheduler":"unipc","seed":7,
    // "width":64},"prompt":"A red ball falls from the top to the bottom.","v":2}
    expect(await computeCacheKey(base)).toBe("339bdc90582e515ee2877be9ef27a47f838963280df282c01ca6277cfb056700");
  });

  it("keys the texts exactly as the model gets them (issue 14: a trailing full stop is a token)", async () => {
    const key = await computeCacheKey(base);
    expect(await computeCacheKey({ ...base, prompt: "A red ball falls from the top to the bottom" })).not.toBe(key);
    expect(await computeCacheKey({ ...base, prompt: "a red ball falls from the top to the bottom." })).not.toBe(key);
    expect(await computeCacheKey({ ...base, negativePrompt: "blurry." })).not.toBe(
      await computeCacheKey({ ...base, negativePrompt: "blurry" }),
    );
  });

  it("ignores output order; changes with seed, params and model version", async () => {
    const key = await computeCacheKey(base);
    expect(await computeCacheKey({ ...base, outputs: ["gif", "mp4"] })).toBe(key);
    expect(await computeCacheKey({ ...base, params: { ...base.params, seed: 8 } })).not.toBe(key);
    expect(await computeCacheKey({ ...base, params: { ...base.params, num_inference_steps: 21 } })).not.toBe(key);
    expect(await computeCacheKey({ ...base, model: { id: "shape-world-tiny", version: "1.0.1" } })).not.toBe(key);
    expect(await computeCacheKey({ ...base, negativePrompt: "blurry" })).not.toBe(key);
  });
});
