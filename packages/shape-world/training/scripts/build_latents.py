"""Encode rendered clip shards into latents with the trained autoencoder encoder.

usage: build_latents.py [--ae runs/autoencoder.pt]  -> data/latents/shard_XXXX.npz + data/latents/stats.json
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import glob
import json
import os
import time

import numpy as np
import torch

from nets.autoencoder import LATENT, Encoder
from sktrain.paths import DATA, RUNS


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ae", default=str(RUNS / "autoencoder.pt"))
    ap.add_argument("--out", default=str(DATA / "latents"))
    ap.add_argument("--clips", default=str(DATA / "clips"), help="rendered clip shards (make_clips.py)")
    ap.add_argument("--max-shards", type=int, default=1000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    enc = Encoder()
    enc.load_state_dict(torch.load(args.ae)["encoder"])
    enc.eval()
    t0 = time.time()
    for path in sorted(glob.glob(f"{args.clips}/shard_*.npz"))[: args.max_shards]:
        out = f"{args.out}/{os.path.basename(path)}"
        if os.path.exists(out):
            continue
        d = np.load(path)
        frames = torch.from_numpy(d["frames"])  # [N, F, H, W, 3]
        zs = []
        with torch.no_grad():
            for chunk in frames.split(8):
                n, f = chunk.shape[:2]
                x = chunk.reshape(n * f, *chunk.shape[2:]).permute(0, 3, 1, 2).float() / 127.5 - 1
                z = enc(x).reshape(n, f, LATENT, 8, 8).transpose(1, 2)
                zs.append(z.half().numpy())
        np.savez(out, latents=np.concatenate(zs), scenes=str(d["scenes"]))
        print(f"{out} {time.time() - t0:.0f}s", flush=True)
    if os.path.exists(f"{args.out}/stats.json"):  # fixed once: the DiT is trained on normalised latents
        return
    z = np.concatenate([np.load(p)["latents"][:500].astype(np.float32)
                        for p in sorted(glob.glob(f"{args.out}/shard_*.npz"))])
    stats = {"latents_mean": z.mean(axis=(0, 2, 3, 4)).tolist(), "latents_std": z.std(axis=(0, 2, 3, 4)).tolist()}
    json.dump(stats, open(f"{args.out}/stats.json", "w"))
    print(stats)


if __name__ == "__main__":
    main()
