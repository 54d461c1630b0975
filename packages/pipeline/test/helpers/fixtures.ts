import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The tiny random model package and the PyTorch reference tensors made by reference/make_fixture.py. */
export const TINY_MODEL_DIR = fileURLToPath(new URL("../fixtures/tiny-random", import.meta.url));
const REFERENCE_DIR = fileURLToPath(new URL("../fixtures/tiny-random-reference", import.meta.url));

interface ReferenceCase {
  name: string;
  prompt: string;
  negative_prompt: string;
  seed: number;
  steps: number;
  width: number;
  height: number;
  frames: number;
  scheduler: "euler" | "unipc";
  dir: string;
  tensors: Record<string, { file: string; shape: number[] }>;
}

export function referenceCase(name: string): ReferenceCase {
  const manifest = JSON.parse(readFileSync(join(REFERENCE_DIR, "manifest.json"), "utf8"));
  const found = (manifest.cases as ReferenceCase[]).find((c) => c.name === name);
  if (!found) throw new Error(`no reference case ${name}`);
  return found;
}

function bytes(c: ReferenceCase, tensor: string): Buffer {
  return readFileSync(join(REFERENCE_DIR, c.dir, c.tensors[tensor]!.file));
}

export function referenceFloat32(c: ReferenceCase, tensor: string): Float32Array {
  const b = bytes(c, tensor);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function referenceInt64(c: ReferenceCase, tensor: string): BigInt64Array {
  const b = bytes(c, tensor);
  return new BigInt64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
