"""A linear, information-preserving latent for model 3.0 (the alternative to the learned encoder):
per latent cell (8x8 pixels of the 64-pixel canvas) the object coverage's 13 leading principal
components (fitted on the training frames) and the palette colour of the cell's main object
(RGB in [-1, 1]; zeros for an empty cell) = 16 channels. The decoder learns to draw from it.

usage: python3 -m v3.pca_latents [--fit 6000]   -> data/v3/latents-pca.npz, runs/v3/pca.json
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F

from shapeworld.vocab import PALETTE
from sktrain.paths import DATA, RUNS
from v3.data import load_frames, soft_target

COMPONENTS = 13
_PAL = torch.tensor(PALETTE, dtype=torch.float32) / 127.5 - 1.0


def cells(d, idx):
    """Coverage at 64-scale -> occupancy cells [N, h, w, 64] and main class per cell [N, h, w]."""
    p = F.avg_pool2d(soft_target(d["cls"][idx], d["alpha"][idx]), 2)          # [N, 8, H, W]
    occ = 1 - p[:, 0]
    n, hh, ww = occ.shape
    h, w = hh // 8, ww // 8
    occ_cells = occ.reshape(n, h, 8, w, 8).permute(0, 1, 3, 2, 4).reshape(n, h, w, 64)
    mass = F.avg_pool2d(p[:, 1:], 8)                                             # [N, 7, h, w]
    main = torch.where(mass.amax(1) > 1e-3, mass.argmax(1) + 1, torch.zeros_like(mass.argmax(1)))
    return occ_cells, main


def encode(d, idx, mean, comps):
    occ, main = cells(d, idx)
    coef = (occ - mean) @ comps.T                                                 # [N, h, w, 13]
    colour = torch.where(main[..., None] > 0, _PAL[main], torch.zeros(3))
    return torch.cat([coef, colour], -1).permute(0, 3, 1, 2).contiguous()        # [N, 16, h, w]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", type=int, default=6000)
    args = ap.parse_args()
    t0 = time.time()
    data = load_frames()
    sq = data["square"]
    occ, main_cls = cells(sq, np.arange(args.fit))
    x = occ[main_cls > 0].reshape(-1, 64)
    mean = x.mean(0)
    u, s, vt = torch.linalg.svd(x - mean, full_matrices=False)
    comps = vt[:COMPONENTS]
    explained = float((s[:COMPONENTS] ** 2).sum() / (s ** 2).sum())
    print(f"PCA on {len(x)} occupied cells: {COMPONENTS} components explain {explained:.4f} of the variance", flush=True)
    out = {}
    for kind, d in data.items():
        out[kind] = torch.cat([encode(d, np.arange(i, min(i + 2048, len(d["rgb"]))), mean, comps)
                               for i in range(0, len(d["rgb"]), 2048)]).numpy().astype(np.float32)
    np.savez(DATA / "v3" / "latents-pca.npz", **out)
    allz = np.concatenate([out["square"].transpose(0, 2, 3, 1).reshape(-1, 16), out["wide"].transpose(0, 2, 3, 1).reshape(-1, 16)])
    json.dump({"mean": mean.tolist(), "components": comps.tolist(), "explained": explained}, open(RUNS / "v3" / "pca.json", "w"))
    json.dump({"latents_mean": allz.mean(0).tolist(), "latents_std": allz.std(0).tolist()},
              open(RUNS / "v3" / "latent_stats_pca.json", "w"))
    print(f"encoded {({k: v.shape for k, v in out.items()})} in {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
