"""Frames for model 3.0: the denoiser and the decoder work frame by frame, so the training unit is
one frame of one scene at one format. Each sample keeps what grounding needs (the objects' centres,
colours, shapes and size at that frame) and two renders:

- `rgb`: the encoder's input, 64 pixels on the shorter side (64x64 or 112x64 for 16:9);
- `cls`, `alpha`: the decoder's target at 16 pixels per latent cell (128x128 or 224x128): the
  palette class of each pixel's object (0 = background) and its coverage (objects never overlap).

usage: python3 -m v3.frames --count 24000 --shard 0 [--out data/v3]
"""
import sktrain.runtime  # noqa: F401
import argparse
import time

import numpy as np

from shapeworld.render import render_objects, render_objects_probs
from shapeworld.vocab import COLOR_NAMES, SHAPES
from shapeworld.world2 import FRAME_COUNTS, MAX_OBJECTS, NOISE_PER_THING, layout, sample_program
from sktrain.paths import DATA

GRIDS = {"square": (8, 8), "wide": (8, 14)}  # latent rows x cols: 8 cells on the shorter side
WIDE_SHARE = 0.25
SEED_BASE = 30_000_000  # world v2 training programs; dev/test suites use other ranges


def grid_pixels(kind, per_cell):
    h, w = GRIDS[kind]
    return w * per_cell, h * per_cell  # width, height


def sample_frame(rng, program):
    """One random format/frame of a program: (kind, objects, centres at that frame, rgb, cls, alpha)."""
    kind = "wide" if rng.random() < WIDE_SHARE else "square"
    frames = int(rng.choice(FRAME_COUNTS))
    f = int(rng.integers(frames))
    u = rng.random((len(program["things"]), NOISE_PER_THING))
    w64, h64 = grid_pixels(kind, 8)
    objects, centres = layout(program["things"], u, w64, h64, frames)
    at = [c[f:f + 1] for c in centres]
    rgb = render_objects(objects, at, w64, h64)[0]
    w128, h128 = grid_pixels(kind, 16)
    probs = render_objects_probs(objects, at, w128, h128)[0]  # [8, H, W]
    cls = probs[1:].argmax(0).astype(np.uint8) + 1
    alpha = probs[1:].max(0)
    cls[alpha < 1e-3] = 0
    return kind, objects, [c[0] for c in at], rgb, cls, np.round(alpha * 255).astype(np.uint8)


def object_table(objects, centres):
    """[MAX_OBJECTS, 5]: cx, cy, colour index, shape index, valid."""
    t = np.zeros((MAX_OBJECTS, 5), np.float32)
    for i, (o, c) in enumerate(zip(objects, centres)):
        t[i] = (c[0], c[1], COLOR_NAMES.index(o["color"]), SHAPES.index(o["shape"]), 1.0)
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=24000)
    ap.add_argument("--shard", type=int, default=0)
    ap.add_argument("--out", default=str(DATA / "v3"))
    args = ap.parse_args()
    rng = np.random.default_rng(1000 + args.shard)
    out = {k: {"rgb": [], "cls": [], "alpha": [], "objects": [], "size": [], "program": []} for k in GRIDS}
    t0 = time.time()
    for i in range(args.count):
        seed = SEED_BASE + args.shard * 1_000_000 + i
        program = sample_program(seed)
        kind, objects, centres, rgb, cls, alpha = sample_frame(rng, program)
        d = out[kind]
        d["rgb"].append(rgb); d["cls"].append(cls); d["alpha"].append(alpha)
        d["objects"].append(object_table(objects, centres)); d["size"].append(objects[0]["size"])
        d["program"].append(seed)
        if (i + 1) % 2000 == 0:
            print(f"shard {args.shard}: {i + 1}/{args.count} frames, {time.time() - t0:.0f} s", flush=True)
    import os
    os.makedirs(args.out, exist_ok=True)
    for kind, d in out.items():
        np.savez(f"{args.out}/frames-{kind}-{args.shard}.npz", **{k: np.array(v) for k, v in d.items()})
    print(f"shard {args.shard}: done in {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
