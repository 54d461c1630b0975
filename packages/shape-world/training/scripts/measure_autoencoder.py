"""The autoencoder's ceiling: held-out clips encoded and decoded (no diffusion), scored clause by
clause with the suite's rules, for several decoder sharpness values.

usage: measure_autoencoder.py [--ae runs/autoencoder.pt] [--shard data/clips/shard_0013.npz] [--clips 150]
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import json

import numpy as np
import torch

from nets.autoencoder import Encoder
from shapeworld.reader import read_video
from shapeworld.rules import check_entry, suite_entry
from sktrain.checkpoints import load_decoder
from sktrain.paths import DATA, RUNS


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ae", default=str(RUNS / "autoencoder.pt"))
    ap.add_argument("--shard", default=str(DATA / "clips" / "shard_0013.npz"))
    ap.add_argument("--clips", type=int, default=150)
    ap.add_argument("--sharpness", default="1,2,4")
    args = ap.parse_args()
    enc = Encoder()
    enc.load_state_dict(torch.load(args.ae)["encoder"])
    enc.eval()
    d = np.load(args.shard)
    frames, scenes = d["frames"][:args.clips], json.loads(str(d["scenes"]))[:args.clips]
    n = len(scenes)
    with torch.no_grad():
        z = enc(torch.from_numpy(frames).reshape(-1, 64, 64, 3).permute(0, 3, 1, 2).float() / 127.5 - 1)
    for sharpness in [float(s) for s in args.sharpness.split(",")]:
        dec = load_decoder(args.ae, sharpness)
        with torch.no_grad():
            rgb = dec(z)
        video = ((rgb.permute(0, 2, 3, 1) + 1) * 127.5).round().clamp(0, 255).byte().numpy()
        video = video.reshape(n, -1, 64, 64, 3)
        ok, kinds = 0, {}
        for scene, clip in zip(scenes, video):
            entry, reads = suite_entry(scene, ""), read_video(clip)
            results = check_entry(reads, entry)
            ok += all(results)
            for c, r in zip(entry["clauses"], results):
                k = kinds.setdefault(c["kind"], [0, 0]); k[0] += r; k[1] += 1
        print(json.dumps({"sharpness": sharpness, "clips": n, "fully_correct_pct": round(100 * ok / n, 1),
                          "per_kind_pct": {k: round(100 * a / b, 1) for k, (a, b) in kinds.items()}}), flush=True)


if __name__ == "__main__":
    main()
