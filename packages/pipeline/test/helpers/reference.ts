import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The tiny random-weight model packages and their PyTorch reference tensors, made by reference/make_fixture.py.
 * Exported as `@sketchreel/pipeline/test-fixtures` for the runner, CLI and cross-package tests.
 */
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const TINY_MODEL_DIR = join(FIXTURES, "tiny-random");
export const REFERENCE_DIR = join(FIXTURES, "tiny-random-reference");
/** Shaped like Wan2.2-TI2V-5B: 48 channels, 16x spatial + causal 4x temporal VAE, int64 timesteps. */
export const WAN_SHAPED_MODEL_DIR = join(FIXTURES, "tiny-wan-shaped");
export const WAN_SHAPED_REFERENCE_DIR = join(FIXTURES, "tiny-wan-shaped-reference");
/**
 * The optional 3.0-style parts (MODEL-PACKAGE.md): the "grid" latent rule (8 cells on the shorter side),
 * a transformer taking `layout_noise` [B, 6], a decoder taking `output_size`; sizes 64², 128², 256², 256×144.
 */
export const GRID_LAYOUT_MODEL_DIR = join(FIXTURES, "tiny-grid-layout");
/** The same transformer exported with a static batch of 1 (swap it into a copy of the package). */
export const GRID_LAYOUT_FIXED_BATCH_TRANSFORMER_DIR = join(FIXTURES, "tiny-grid-layout-fixed-batch", "transformer");
export const GRID_LAYOUT_REFERENCE_DIR = join(FIXTURES, "tiny-grid-layout-reference");
/**
 * The optional `conditioner` component (MODEL-PACKAGE.md): run once per request on the text states, the
 * initial latents' shape and `layout_noise` [B, 6]; its transformer takes the conditioning [B, S + F, 32].
 */
export const CONDITIONER_MODEL_DIR = join(FIXTURES, "tiny-conditioner");
/** The same conditioner exported with a static batch of 1 (swap it into a copy of the package). */
export const CONDITIONER_FIXED_BATCH_DIR = join(FIXTURES, "tiny-conditioner-fixed-batch", "conditioner");
export const CONDITIONER_REFERENCE_DIR = join(FIXTURES, "tiny-conditioner-reference");

interface TensorFile {
  file: string;
  dtype: "float32" | "int64" | "uint8";
  shape: number[];
}

export interface ReferenceCase {
  name: string;
  prompt: string;
  negative_prompt: string;
  seed: number;
  steps: number;
  guidance: number;
  width: number;
  height: number;
  frames: number;
  scheduler: "euler" | "unipc";
  dir: string;
  /** The reference folder holding `dir`. */
  root: string;
  tensors: Record<"input_ids" | "embeddings" | "noise" | "sigmas", TensorFile> & {
    latents: TensorFile[];
    /** Absent where a case's frames are too big to commit (tiny-grid-layout's 256×144 case). */
    decoded?: TensorFile;
    frames?: TensorFile;
    /** The `layout_noise` [1, K], for a package whose transformer or conditioner takes it. */
    layout_noise?: TensorFile;
    /** The conditioner's output (cond, then uncond with guidance), for a package with one. */
    conditioning?: TensorFile;
  };
}

export function referenceCases(root = REFERENCE_DIR): ReferenceCase[] {
  const cases: ReferenceCase[] = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")).cases;
  return cases.map((c) => ({ ...c, root }));
}

/** The generation parameters the reference case was produced with. */
export function referenceParams(c: ReferenceCase) {
  return {
    prompt: c.prompt,
    negative_prompt: c.negative_prompt,
    seed: c.seed,
    num_inference_steps: c.steps,
    guidance_scale: c.guidance,
    width: c.width,
    height: c.height,
    num_frames: c.frames,
    scheduler: c.scheduler,
  };
}

export function readFloat32(c: ReferenceCase, t: TensorFile): Float32Array {
  const buf = readFileSync(join(c.root, c.dir, t.file));
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function readInt64(c: ReferenceCase, t: TensorFile): BigInt64Array {
  const buf = readFileSync(join(c.root, c.dir, t.file));
  return new BigInt64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** One case of the tiny model's reference by name (a missing case throws: a fixture never skips a test). */
export function referenceCase(name: string, root = REFERENCE_DIR): ReferenceCase {
  const found = referenceCases(root).find((c) => c.name === name);
  if (!found) throw new Error(`no reference case ${name} in ${root}`);
  return found;
}

export function readUint8(c: ReferenceCase, t: TensorFile): Uint8Array {
  return new Uint8Array(readFileSync(join(c.root, c.dir, t.file)));
}

/** ‖a − b‖₂ / ‖b‖₂ */
export function relativeL2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    norm += b[i]! ** 2;
  }
  return Math.sqrt(diff / norm);
}
