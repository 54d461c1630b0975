"""Seeded Gaussian noise, algorithm v1 — the Python mirror of packages/pipeline/src/random/seeded-noise.ts.

splitmix32 seeds xoshiro128** (4 x uint32 state); two outputs make one 53-bit uniform; Box-Muller
turns pairs of uniforms into pairs of normals (cos first, then sin); values are cast to float32 and
fill the tensor in C order. Independent streams of one seed come from xoshiro128**'s jump().
"""
import math

import numpy as np

M32 = 0xFFFFFFFF
TWO_POW_53 = 9007199254740992.0


def _splitmix32(state):
    state = (state + 0x9E3779B9) & M32
    z = state
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
    return state, z ^ (z >> 16)


def _rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128ss:
    def __init__(self, seed):
        state, self.s = seed & M32, []
        for _ in range(4):
            state, value = _splitmix32(state)
            self.s.append(value)

    def next_u32(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl((s1 * 5) & M32, 7) * 9) & M32
        t = (s1 << 9) & M32
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 11)
        self.s = [s0, s1, s2, s3]
        return result

    def jump(self):
        """Advances by 2**64 outputs (xoshiro128**'s jump polynomial): a stream that never overlaps this one."""
        acc = [0, 0, 0, 0]
        for word in (0x8764000B, 0xF542D2D3, 0x6FA035C3, 0x77F2DB5B):
            for bit in range(32):
                if (word >> bit) & 1:
                    acc = [a ^ x for a, x in zip(acc, self.s)]
                self.next_u32()
        self.s = acc

    def next_53(self):
        a, b = self.next_u32() >> 5, self.next_u32() >> 6
        return a * 67108864 + b


LATENT_STREAM, LAYOUT_NOISE_STREAM = 0, 1


def seeded_normal(seed, shape, stream=LATENT_STREAM):
    """float32 array of standard normals for `seed` (uint32), filled in C order. Stream n > 0 starts n
    jumps (2**64 outputs each) after the seeded state: stream 1 is the transformer's layout_noise."""
    rng = Xoshiro128ss(seed)
    for _ in range(stream):
        rng.jump()
    n = int(np.prod(shape))
    out = np.empty(n, dtype=np.float32)
    i = 0
    while i < n:
        u1 = (rng.next_53() + 1) / TWO_POW_53  # (0, 1]: log is finite
        u2 = rng.next_53() / TWO_POW_53  # [0, 1)
        r, theta = math.sqrt(-2.0 * math.log(u1)), 2.0 * math.pi * u2
        out[i] = r * math.cos(theta)
        if i + 1 < n:
            out[i + 1] = r * math.sin(theta)
        i += 2
    return out.reshape(shape)
