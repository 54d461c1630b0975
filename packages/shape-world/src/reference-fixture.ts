import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { FrameRead, ReadObject } from "./read-frames.js";
import type { Point, RenderObject } from "./render.js";
import type { SceneSpec } from "./scene.js";
import type { Color } from "./vocabulary.js";

/** A v1 read-back (the largest blob per colour at 64×64), as the v1 fixtures hold them. */
export type V1FrameRead = Partial<Record<Color, ReadObject>>;

/** A v1 read-back as a v2 frame read: one blob per colour on a 64×64 canvas. */
export const fromV1Read = (read: V1FrameRead): FrameRead => ({
  width: 64,
  height: 64,
  blobs: Object.fromEntries(Object.entries(read).map(([color, blob]) => [color, [blob]])),
});

const loadGzipJson = (name: string): unknown =>
  JSON.parse(gunzipSync(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))).toString());
const decodeFrames = (frames: string[]) => frames.map((b64) => new Uint8Array(Buffer.from(b64, "base64")));

/** One clip of src/fixtures/python-reference.json.gz (scripts/make-python-reference.py). */
export interface ReferenceClip {
  name: "clean" | "noisy";
  objects: (Omit<RenderObject, "centers"> & { centers: Point[] })[];
  frames: Uint8Array[];
  /** The training reader's read-back (shapeworld/reader.py). */
  reads: FrameRead[];
}

/** Test helper: frames and read-backs produced by the training (Python) renderer and reader. */
export function loadReferenceClips(): ReferenceClip[] {
  return (loadGzipJson("python-reference.json.gz") as (Omit<ReferenceClip, "frames"> & { frames: string[] })[]).map(
    (clip) => ({ ...clip, frames: decodeFrames(clip.frames) }),
  );
}

/** One scene of src/fixtures/python-rules-reference.json.gz (scripts/make-python-rules-reference.py). */
export interface RulesReferenceScene extends SceneSpec {
  /** The training caption of the scene. */
  prompt: string;
  seed: number;
  perturbation: string;
  reads: V1FrameRead[];
  /** The v1 training rules' verdict per clause. */
  verdicts: boolean[];
}

/** Test helper: training scenes, captions, read-backs and the training rules' verdicts. */
export function loadRulesReference(): RulesReferenceScene[] {
  return loadGzipJson("python-rules-reference.json.gz") as RulesReferenceScene[];
}

/** One clip of src/fixtures/python-v2-frames.json.gz (training/scripts/make_eval_fixtures.py). */
export interface V2ReferenceClip {
  name: "clean" | "noisy";
  width: number;
  height: number;
  objects: (Omit<RenderObject, "centers"> & { centers: Point[] })[];
  frames: Uint8Array[];
  /** The training reader's read-back (shapeworld/reader.py). */
  reads: FrameRead[];
}

/** Test helper: clips drawn by render.py's `render_objects` at several widths × heights and their Python read-back. */
export function loadV2ReferenceClips(): V2ReferenceClip[] {
  return (loadGzipJson("python-v2-frames.json.gz") as (Omit<V2ReferenceClip, "frames"> & { frames: string[] })[]).map(
    (clip) => ({ ...clip, frames: decodeFrames(clip.frames) }),
  );
}

/** One honesty case of src/fixtures/python-v2-verdicts.json.gz: a scene (or a wrong variant of it) drawn and judged by Python. */
export interface V2VerdictCase extends SceneSpec {
  name: string;
  width: number;
  height: number;
  frames: number;
  /** The clauses the drawing must fail, "kind" or "kind:colour" (written by hand in training/tests/v2_scenes.py). */
  fails: string[];
  drawn: RenderObject[];
  reads: FrameRead[];
  /** The Python rules' verdict per clause (shapeworld/rules.py). */
  verdicts: boolean[];
}

/** One v1 read-back of python-rules-reference.json.gz as a v2 read, with the v2 Python verdicts. */
export interface V1VerdictCase extends SceneSpec {
  seed: number;
  perturbation: string;
  reads: FrameRead[];
  verdicts: boolean[];
}

/** Test helper: the evaluator's cross-twin fixture. */
export function loadV2Verdicts(): { cases: V2VerdictCase[]; v1: V1VerdictCase[] } {
  return loadGzipJson("python-v2-verdicts.json.gz") as { cases: V2VerdictCase[]; v1: V1VerdictCase[] };
}
