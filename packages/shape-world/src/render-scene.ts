import { layoutScene } from "./layout.js";
import { parsePrompt } from "./parse-prompt.js";
import { type RgbFrames, renderFrames } from "./render.js";
import type { SceneSpec } from "./scene.js";

export interface RenderSceneOptions {
  seed: number;
  /** Canvas width in pixels; `size`, else 64, when absent. */
  width?: number;
  /** Canvas height in pixels; `size`, else `width`, when absent. */
  height?: number;
  /** A square canvas's side (before world v2's widths and heights); `width` and `height` take precedence. */
  size?: number;
  frames?: number;
}

/**
 * Ground truth: a scene (or prompt) laid out with world v2's layout (`layoutScene`) and `seed`, and
 * rendered at width × height as the training renderer draws it; every clause holds.
 */
export function renderScene(scene: SceneSpec | string, options: RenderSceneOptions): RgbFrames {
  const { seed, size, frames = 16 } = options;
  const width = options.width ?? size ?? 64;
  const height = options.height ?? size ?? width;
  const spec = typeof scene === "string" ? parsePrompt(scene) : scene;
  return renderFrames(layoutScene(spec, { seed, width, height, frames }), { width, height });
}
