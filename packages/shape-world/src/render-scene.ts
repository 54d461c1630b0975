import { layoutScene } from "./layout.js";
import { parsePrompt } from "./parse-prompt.js";
import { type RgbFrames, renderFrames } from "./render.js";
import type { SceneSpec } from "./scene.js";

export interface RenderSceneOptions {
  seed: number;
  /** Canvas side in pixels (square). */
  size?: number;
  frames?: number;
}

/** Ground truth: a scene (or prompt) laid out with `seed` and rendered; every clause holds. */
export function renderScene(
  scene: SceneSpec | string,
  { seed, size = 64, frames = 16 }: RenderSceneOptions,
): RgbFrames {
  const spec = typeof scene === "string" ? parsePrompt(scene) : scene;
  return renderFrames(layoutScene(spec, { seed, frames }), size);
}
