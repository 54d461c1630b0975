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
 * `packages/pipeline/reference/seeded_noise.py` is the Python mirror the reference tensors use.
 */
export function seededNormal(seed: number, count: number): Float32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
  }
  const rng = new Xoshiro128StarStar(seed);
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
