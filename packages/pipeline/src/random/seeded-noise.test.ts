import { describe, expect, it } from "vitest";
import { readFloat32, referenceCase } from "../../test/helpers/reference.js";
import { seededNormal, Xoshiro128StarStar } from "./seeded-noise.js";

describe("seededNormal", () => {
  it.each(["euler", "unipc-no-guidance"])("matches the Python mirror's noise for the %s case", (name) => {
    const ref = referenceCase(name);
    const expected = readFloat32(ref, ref.tensors.noise);
    const actual = seededNormal(ref.seed, expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it("is standard normal: mean ≈ 0, variance ≈ 1 over 100k samples", () => {
    const x = seededNormal(123, 100_000);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it("gives a prefix of the same stream for fewer values, and another stream for another seed", () => {
    const long = seededNormal(5, 11);
    expect(Array.from(seededNormal(5, 7))).toEqual(Array.from(long.subarray(0, 7)));
    expect(Array.from(seededNormal(6, 7))).not.toEqual(Array.from(long.subarray(0, 7)));
  });

  it("accepts the whole uint32 range and rejects anything else", () => {
    expect(seededNormal(0xffffffff, 2)).toHaveLength(2);
    expect(() => seededNormal(-1, 2)).toThrow(/seed must be an unsigned 32-bit integer, got -1/);
    expect(() => seededNormal(1.5, 2)).toThrow(/got 1.5/);
    expect(() => seededNormal(2 ** 32, 2)).toThrow(/got 4294967296/);
  });
});

describe("seededNormal streams", () => {
  it("draws stream 1 (layout noise) apart from stream 0 (latents), both fixed by the seed", () => {
    expect(Array.from(seededNormal(5, 6, 1))).toEqual(Array.from(seededNormal(5, 6, 1)));
    expect(Array.from(seededNormal(5, 6, 1))).not.toEqual(Array.from(seededNormal(5, 6, 0)));
    expect(Array.from(seededNormal(5, 6, 0))).toEqual(Array.from(seededNormal(5, 6)));
    expect(() => seededNormal(5, 6, -1)).toThrow(/stream must be an integer >= 0, got -1/);
  });
});

describe("Xoshiro128StarStar", () => {
  it("jumps 2^64 outputs ahead: its state equals the transition matrix raised to 2^64 applied to the state", () => {
    // The reference: xoshiro128**'s state transition is linear over GF(2). Build its 128×128 matrix from the
    // generator's own step on each basis state, square it 64 times, and apply it to a seeded state.
    const state = (rng: Xoshiro128StarStar) => (rng as unknown as { s: Uint32Array }).s;
    const toBits = (s: Uint32Array) => s.reduce((v, word, i) => v | (BigInt(word) << BigInt(32 * i)), 0n);
    const step = (bits: bigint) => {
      const rng = new Xoshiro128StarStar(0);
      state(rng).set([0, 1, 2, 3].map((i) => Number((bits >> BigInt(32 * i)) & 0xffffffffn)));
      rng.nextUint32();
      return toBits(state(rng));
    };
    const apply = (columns: bigint[], v: bigint) => {
      let out = 0n;
      for (let i = 0; v > 0n; i++, v >>= 1n) if (v & 1n) out ^= columns[i]!;
      return out;
    };
    let power = Array.from({ length: 128 }, (_, i) => step(1n << BigInt(i)));
    for (let i = 0; i < 64; i++) power = power.map((column) => apply(power, column));

    const rng = new Xoshiro128StarStar(42);
    const before = toBits(state(rng));
    rng.jump();
    expect(toBits(state(rng))).toBe(apply(power, before));
  });

  it("produces unsigned 32-bit integers", () => {
    const rng = new Xoshiro128StarStar(1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.nextUint32();
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    }
  });
});
