import { describe, expect, it } from "vitest";
import { ModelIndex } from "../model-package/schema.js";
import { latentShape } from "./latents.js";

const base = {
  format_version: 1,
  model_version: "1",
  components: { transformer: "transformer" },
  defaults: { width: 64, height: 64, num_frames: 16, fps: 8, num_inference_steps: 20, guidance_scale: 2 },
};
/** shape-world-tiny 2.1.0's rule: latent h × w = H / 8 × W / 8. */
const compress = ModelIndex.parse({ ...base, model_id: "compress", latent: { channels: 8, spatial_compression: 8 } });
/** The 3.0 model's rule: 8 cells on the shorter side, one grid per aspect ratio. */
const grid = ModelIndex.parse({
  ...base,
  model_id: "grid",
  latent: { channels: 8, spatial_compression: 8, spatial_rule: "grid", grid_short_side: 8 },
});

describe("latentShape", () => {
  it("divides by spatial_compression under the default compress rule, as before", () => {
    expect(compress.latent.spatial_rule).toBe("compress");
    expect(latentShape(compress, { width: 64, height: 64, num_frames: 16 })).toEqual([1, 8, 16, 8, 8]);
    expect(latentShape(compress, { width: 256, height: 144, num_frames: 16 })).toEqual([1, 8, 16, 18, 32]);
  });

  // DESIGN.md's formats: 64², 128², 256² and 16:9 256×144, at 8/16/24/32 frames.
  it.each([
    [64, 64, 8, [8, 8]],
    [128, 128, 16, [8, 8]],
    [256, 256, 24, [8, 8]],
    [256, 144, 32, [8, 14]], // h 8, w round(8 × 256 / 144) = round(14.2) = 14
    [144, 256, 32, [14, 8]],
  ])("gives %i×%i (%i frames) the grid rule's latent grid %j", (width, height, frames, hw) => {
    expect(latentShape(grid, { width, height, num_frames: frames })).toEqual([1, 8, frames, ...hw]);
  });

  it("rounds the longer side half up", () => {
    const two = ModelIndex.parse({ ...grid, latent: { ...grid.latent, grid_short_side: 2 } });
    // 2 × 80 / 64 = 2.5 → 3; 2 × 112 / 64 = 3.5 → 4
    expect(latentShape(two, { width: 80, height: 64, num_frames: 1 }).slice(3)).toEqual([2, 3]);
    expect(latentShape(two, { width: 64, height: 112, num_frames: 1 }).slice(3)).toEqual([4, 2]);
  });

  it("applies the temporal rule unchanged", () => {
    const causal = ModelIndex.parse({
      ...grid,
      latent: { ...grid.latent, temporal_compression: 4, temporal_rule: "causal" },
    });
    expect(latentShape(causal, { width: 256, height: 144, num_frames: 33 })).toEqual([1, 8, 9, 8, 14]);
  });
});
