"""Train model 3.0's decoder on the linear latents of v3/pca_latents.py (data/v3/latents-pca.npz), against the
frames' palette coverage at 8 pixels per latent cell (the 16-pixel render area-averaged 2x2, so the
targets are exact coverages). Object pixels weigh 9x; small latent noise for robustness.

usage: python3 -m v3.train_decoder [--steps 3000] [--batch 48] [--out runs/v3/decoder.pt] [--resume]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from sktrain.paths import DATA, RUNS
from v3.data import load_frames, soft_target
from v3.decoder_loss import LATENT_NOISE, loss_fn
from v3.nets import Decoder


def targets(d, idx):
    return F.avg_pool2d(soft_target(d["cls"][idx], d["alpha"][idx]), 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--out", default=str(RUNS / "v3" / "decoder.pt"))
    ap.add_argument("--resume", action="store_true")
    args = ap.parse_args()
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    t0 = time.time()
    data = load_frames()
    pca = np.load(DATA / "v3" / "latents-pca.npz")
    pca = {k: torch.from_numpy(pca[k]) for k in pca.files}
    dec = Decoder()
    opt = torch.optim.AdamW(dec.parameters(), lr=args.lr, weight_decay=0.0)
    start = 0
    if args.resume and os.path.exists(args.out):
        ck = torch.load(args.out)
        dec.load_state_dict(ck["decoder"]); start = ck["step"]
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
    for step in range(start, args.steps):
        lr = args.lr * min(1.0, (step + 1) / 100) * (0.5 * (1 + np.cos(np.pi * step / args.steps)) * 0.95 + 0.05)
        for g in opt.param_groups:
            g["lr"] = lr
        kind = "wide" if rng.random() < 0.25 else "square"
        d = data[kind]
        idx = np.sort(rng.choice(len(d["rgb"]), args.batch, replace=False))
        z = pca[kind][idx]
        loss, acc = loss_fn(dec, z + LATENT_NOISE * torch.randn_like(z), targets(d, idx))
        opt.zero_grad(); loss.backward(); opt.step()
        if (step + 1) % 50 == 0:
            print(json.dumps({"step": step + 1, "loss": round(loss.item(), 4), "object_acc": round(acc.item(), 4),
                              "s": round(time.time() - t0)}), flush=True)
        if (step + 1) % 250 == 0 or step + 1 == args.steps:
            torch.save({"decoder": dec.state_dict(), "opt": opt.state_dict(), "step": step + 1}, args.out)


if __name__ == "__main__":
    main()
