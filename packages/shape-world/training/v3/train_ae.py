"""Train model 3.0's autoencoder on rendered frames (v3/frames.py).

Phase 1 (--joint-steps): encoder and decoder together; then the
encoder is frozen and saved, and the latent statistics written (the DiT can start on them).
Phase 2 (--decoder-steps): decoder only, on the frozen latents (+ small latent noise).
The decoder's target is the frame rendered at 16 pixels per latent cell; object pixels weigh 9x.

usage: python3 -m v3.train_ae [--joint-steps 1200] [--decoder-steps 2000] [--batch 48]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import time

import numpy as np
import torch

from sktrain.paths import RUNS
from v3.data import fine_rgb, load_frames, rgb_tensor, soft_target
from v3.nets import Decoder, Encoder

OBJECT_WEIGHT = 9.0
LATENT_NOISE = 0.1


def batch(data, rng, size):
    kind = "wide" if rng.random() < 0.25 else "square"
    d = data[kind]
    idx = np.sort(rng.choice(len(d["rgb"]), size, replace=False))
    return (fine_rgb(d["cls"][idx], d["alpha"][idx]), rgb_tensor(d["rgb"][idx])), soft_target(d["cls"][idx], d["alpha"][idx])


def loss_fn(dec, z, target):
    logits = dec.logits(z)
    logp = logits.log_softmax(1)
    weight = 1 + (OBJECT_WEIGHT - 1) * (1 - target[:, 0])
    ce = -(target * logp).sum(1)
    acc = (logits.argmax(1) == target.argmax(1)).float()
    obj = target[:, 0] < 0.5
    return (ce * weight).mean(), acc[obj].mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--joint-steps", type=int, default=1200)
    ap.add_argument("--decoder-steps", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--out", default=str(RUNS / "v3"))
    ap.add_argument("--resume-decoder", action="store_true", help="phase 2 only, from out/decoder.pt")
    args = ap.parse_args()
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    t0 = time.time()
    data = load_frames()
    print(f"frames: {({k: len(v['rgb']) for k, v in data.items()})} in {time.time() - t0:.0f} s", flush=True)
    enc, dec = Encoder(), Decoder()
    start2 = 0
    if args.resume_decoder:
        enc.load_state_dict(torch.load(f"{args.out}/encoder.pt")["encoder"])
        ck = torch.load(f"{args.out}/decoder.pt")
        dec.load_state_dict(ck["decoder"]); start2 = ck["step"]
    else:
        opt = torch.optim.AdamW(list(enc.parameters()) + list(dec.parameters()), lr=args.lr, weight_decay=0.0)
        for step in range(args.joint_steps):
            rgb, target = batch(data, rng, args.batch)
            z = enc(*rgb)
            loss, acc = loss_fn(dec, z + LATENT_NOISE * torch.randn_like(z), target)
            loss = loss + 1e-3 * (z * z).mean()  # keep the latents' scale in check
            opt.zero_grad(); loss.backward(); opt.step()
            if (step + 1) % 50 == 0:
                print(json.dumps({"phase": "joint", "step": step + 1, "loss": round(loss.item(), 4),
                                  "object_acc": round(acc.item(), 4), "s": round(time.time() - t0)}), flush=True)
        torch.save({"encoder": enc.state_dict()}, f"{args.out}/encoder.pt")
        with torch.no_grad():  # latent statistics over a sample of frames
            sq = data["square"]
            zs = torch.cat([enc(fine_rgb(sq["cls"][i:i + 256], sq["alpha"][i:i + 256]), rgb_tensor(sq["rgb"][i:i + 256]))
                            for i in range(0, 4096, 256)])
            mean, std = zs.mean((0, 2, 3)), zs.std((0, 2, 3))
        json.dump({"latents_mean": mean.tolist(), "latents_std": std.tolist()}, open(f"{args.out}/latent_stats.json", "w"))
        torch.save({"decoder": dec.state_dict(), "step": 0}, f"{args.out}/decoder.pt")
        print("encoder frozen; latent stats written", flush=True)
    enc.requires_grad_(False).eval()
    opt = torch.optim.AdamW(dec.parameters(), lr=args.lr, weight_decay=0.0)
    for step in range(start2, args.decoder_steps):
        lr = args.lr * (0.5 * (1 + np.cos(np.pi * step / args.decoder_steps)) * 0.9 + 0.1)
        for g in opt.param_groups:
            g["lr"] = lr
        rgb, target = batch(data, rng, args.batch)
        with torch.no_grad():
            z = enc(*rgb)
        loss, acc = loss_fn(dec, z + LATENT_NOISE * torch.randn_like(z), target)
        opt.zero_grad(); loss.backward(); opt.step()
        if (step + 1) % 50 == 0:
            print(json.dumps({"phase": "decoder", "step": step + 1, "loss": round(loss.item(), 4),
                              "object_acc": round(acc.item(), 4), "s": round(time.time() - t0)}), flush=True)
        if (step + 1) % 250 == 0 or step + 1 == args.decoder_steps:
            torch.save({"decoder": dec.state_dict(), "step": step + 1}, f"{args.out}/decoder.pt")


if __name__ == "__main__":
    main()
