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

describe("Xoshiro128StarStar", () => {
  it("produces unsigned 32-bit integers", () => {
    const rng = new Xoshiro128StarStar(1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.nextUint32();
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    }
  });
});
