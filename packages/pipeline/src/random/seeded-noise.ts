/**
 * Seeded Gaussian noise, algorithm v1. Same seed → the same float32 values on every platform
 * (only 32-bit integer arithmetic, IEEE double math, and V8's deterministic fdlibm `Math.log/cos/sin`):
 *
 * 1. splitmix32 expands the uint32 seed into the 4-word state of xoshiro128**.
 * 2. Two xoshiro128** outputs make one 53-bit integer k = (a >>> 5)·2²⁶ + (b >>> 6).
 * 3. Box–Muller on u₁ = (k₁ + 1)/2⁵³ ∈ (0, 1] and u₂ = k₂/2⁵³ ∈ [0, 1): r = √(−2 ln u₁),
 *    θ = 2π·u₂, giving r·cos θ then r·sin θ.
 * 4. Values are rounded to float32 and fill the tensor in C order.
 *
 * `stream` n > 0 starts from the same seeded state advanced by n xoshiro128** `jump()`s (2⁶⁴ outputs
 * each), so streams of one seed never overlap: stream 0 (`LATENT_STREAM`) holds the initial latents,
 * stream 1 (`LAYOUT_NOISE_STREAM`) the transformer's optional `layout_noise`.
 *
 * `packages/pipeline/reference/seeded_noise.py` is the Python mirror the reference tensors use.
 */
export function seededNormal(seed: number, count: number, stream = LATENT_STREAM): Float32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
  }
  if (!Number.isInteger(stream) || stream < 0) throw new RangeError(`stream must be an integer >= 0, got ${stream}`);
  const rng = new Xoshiro128StarStar(seed);
  for (let i = 0; i < stream; i++) rng.jump();
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const u1 = (rng.next53() + 1) / 2 ** 53;
    const u2 = rng.next53() / 2 ** 53;
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/** The stream of the initial latents. */
export const LATENT_STREAM = 0;
/** The stream of the transformer's `layout_noise` input (MODEL-PACKAGE.md), independent of the latents. */
export const LAYOUT_NOISE_STREAM = 1;

/** xoshiro128**'s jump polynomial (Blackman & Vigna): `jump()` equals 2⁶⁴ calls of `nextUint32()`. */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

/** xoshiro128** 1.1 (Blackman & Vigna), seeded with splitmix32. */
export class Xoshiro128StarStar {
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    let state = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
  }

  nextUint32(): number {
    const s = this.s;
    let [s0, s1, s2, s3] = [s[0]!, s[1]!, s[2]!, s[3]!];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s.set([s0, s1, s2, s3]);
    return result;
  }

  /** Advances the state by 2⁶⁴ outputs: the start of a stream that cannot overlap this one. */
  jump(): void {
    const acc = new Uint32Array(4);
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) for (let i = 0; i < 4; i++) acc[i]! ^= this.s[i]!;
        this.nextUint32();
      }
    }
    this.s.set(acc);
  }

  /** A uniform integer in [0, 2⁵³). */
  next53(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return a * 67108864 + b;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
