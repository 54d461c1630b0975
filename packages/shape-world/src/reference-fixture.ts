import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { FrameRead } from "./read-frames.js";
import type { Point, RenderObject } from "./render.js";
import type { SceneSpec } from "./scene.js";

/** One clip of src/fixtures/python-reference.json.gz (scripts/make-python-reference.py). */
export interface ReferenceClip {
  name: "clean" | "noisy";
  objects: (Omit<RenderObject, "centers"> & { centers: Point[] })[];
  frames: Uint8Array[];
  reads: FrameRead[];
}

/** Test helper: frames and read-backs produced by the training (Python) renderer and reader. */
export function loadReferenceClips(): ReferenceClip[] {
  const raw = gunzipSync(readFileSync(new URL("./fixtures/python-reference.json.gz", import.meta.url))).toString();
  return (JSON.parse(raw) as (Omit<ReferenceClip, "frames"> & { frames: string[] })[]).map((clip) => ({
    ...clip,
    frames: clip.frames.map((b64) => new Uint8Array(Buffer.from(b64, "base64"))),
  }));
}

/** One scene of src/fixtures/python-rules-reference.json.gz (scripts/make-python-rules-reference.py). */
export interface RulesReferenceScene extends SceneSpec {
  /** The training caption of the scene. */
  prompt: string;
  seed: number;
  perturbation: string;
  reads: FrameRead[];
  /** The training rules' verdict per clause. */
  verdicts: boolean[];
}

/** Test helper: training scenes, captions, read-backs and the training rules' verdicts. */
export function loadRulesReference(): RulesReferenceScene[] {
  const raw = gunzipSync(
    readFileSync(new URL("./fixtures/python-rules-reference.json.gz", import.meta.url)),
  ).toString();
  return JSON.parse(raw) as RulesReferenceScene[];
}
