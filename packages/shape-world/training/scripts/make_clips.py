"""Render training clips (RGB uint8) in shards: data/clips/shard_XXXX.npz with the scenes as JSON.

usage: make_clips.py FIRST_SHARD NUM_SHARDS [--per-shard 1000]
Scene seeds are 10_000_000 + global clip index, so shards are reproducible and resumable.
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import argparse
import json
import os
import time

import numpy as np

from shapeworld.render import render_scene
from shapeworld.scene import sample_scene
from sktrain.paths import DATA

SEED_BASE = 10_000_000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("first", type=int)
    ap.add_argument("count", type=int)
    ap.add_argument("--per-shard", type=int, default=1000)
    ap.add_argument("--dir", default=str(DATA / "clips"))
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    for shard in range(args.first, args.first + args.count):
        path = f"{args.dir}/shard_{shard:04d}.npz"
        if os.path.exists(path):
            continue
        t0 = time.time()
        seeds = range(SEED_BASE + shard * args.per_shard, SEED_BASE + (shard + 1) * args.per_shard)
        scenes = [sample_scene(s) for s in seeds]
        frames = np.stack([render_scene(sc)[0] for sc in scenes])
        np.savez(path + ".tmp.npz", frames=frames, scenes=json.dumps(scenes))
        os.replace(path + ".tmp.npz", path)
        print(f"shard {shard}: {len(scenes)} clips in {time.time() - t0:.1f}s", flush=True)


if __name__ == "__main__":
    main()
