"""Train model 3.0's denoiser frame by frame on the linear latents of v3/pca_latents.py, grounded on the
frames' actual object positions (the layout the graph computes at inference draws from the same
distribution: shapeworld/world2.py).

Flow matching as 2.x: x_sigma = (1 - sigma) x0 + sigma noise, shift-3 logit-normal sigma, loss on
v = noise - x0 with x-prediction; 10 % of frames unconditional (no objects) for CFG; EMA 0.998.
Resumable: runs/v3/dit.pt holds model, EMA, optimizer and step.

usage: python3 -m v3.train_dit [--minutes 40] [--batch 96] [--resume] [--decay-from A --decay-to B]
  --decay-from/--decay-to: the learning rate is constant (after a 300-step warm-up) until step A, then
  follows a cosine down to 5 % of it at step B (and stays there).
"""
import sktrain.runtime  # noqa: F401
import argparse
import copy
import json
import os
import time

import numpy as np
import torch

from scripts.train_dit import SHIFT, sample_sigma, save  # noqa: F401  (2.x's flow-sigma sampler)
from sktrain.paths import DATA, RUNS
from v3.data import load_frames
from v3.nets import DiT, SIGMA_MIN

UNCOND = 0.1
EMA = 0.998


def decay(step, start, end, floor=0.05):
    """1 before `start` (or with no decay asked), a cosine down to `floor` at `end`, then `floor`."""
    if start is None or end is None or step <= start:
        return 1.0
    t = min(1.0, (step - start) / max(1, end - start))
    return floor + (1 - floor) * 0.5 * (1 + np.cos(np.pi * t))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=40)
    ap.add_argument("--steps", type=int, default=100000)
    ap.add_argument("--batch", type=int, default=96)
    ap.add_argument("--lr", type=float, default=6e-4)
    ap.add_argument("--out", default=str(RUNS / "v3"))
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--decay-from", type=int, help="cosine learning-rate decay from this step ...")
    ap.add_argument("--decay-to", type=int, help="... to 5 %% at this one")
    ap.add_argument("--init", help="warm start: every parameter whose shape matches, from this checkpoint's EMA")
    args = ap.parse_args()
    t0 = time.time()
    gen = torch.Generator().manual_seed(0)
    rng = np.random.default_rng(0)
    data = load_frames()
    stats = json.load(open(f"{args.out}/latent_stats_pca.json"))
    mean, std = torch.tensor(stats["latents_mean"]), torch.tensor(stats["latents_std"])
    raw = np.load(DATA / "v3" / "latents-pca.npz")
    lat = {k: (torch.from_numpy(raw[k]) - mean[None, :, None, None]) / std[None, :, None, None] for k in raw.files}
    objects = {k: torch.from_numpy(d["objects"]) for k, d in data.items()}
    sizes = {k: torch.from_numpy(d["size"]).float() for k, d in data.items()}
    print(f"latents {({k: tuple(v.shape) for k, v in lat.items()})} in {time.time() - t0:.0f} s", flush=True)
    model = DiT()
    ema = copy.deepcopy(model).requires_grad_(False)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
    step = 0
    path = f"{args.out}/dit.pt"
    if args.resume and os.path.exists(path):
        ck = torch.load(path)
        model.load_state_dict(ck["model"]); ema.load_state_dict(ck["ema"]); opt.load_state_dict(ck["opt"])
        step = ck["step"]
        gen.manual_seed(step); rng = np.random.default_rng(step)
    if args.init and step == 0:
        src = torch.load(args.init)["ema"]
        own = model.state_dict()
        same = {k: v for k, v in src.items() if k in own and own[k].shape == v.shape}
        model.load_state_dict(same, strict=False)
        ema.load_state_dict(model.state_dict())
        print(f"warm start: {len(same)}/{len(own)} tensors from {args.init}", flush=True)
    print(f"params {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M, from step {step}", flush=True)
    log = open(f"{args.out}/dit-loss.jsonl", "a")
    start = time.time()
    while step < args.steps and time.time() - start < args.minutes * 60:
        lr = args.lr * min(1.0, (step + 1) / 300) * decay(step, args.decay_from, args.decay_to)
        for g in opt.param_groups:
            g["lr"] = lr
        kind = "wide" if rng.random() < 0.25 else "square"
        idx = torch.from_numpy(rng.choice(len(lat[kind]), args.batch, replace=False))
        x0 = lat[kind][idx]
        ob = objects[kind][idx]
        valid = ob[..., 4] * (torch.rand(args.batch, 1, generator=gen) >= UNCOND).float()
        n, _, h, w = x0.shape
        ground = model.grounding(ob[..., :2], valid, ob[..., 2].long() + 1, ob[..., 3].long(), sizes[kind][idx], h, w)
        sigma = sample_sigma(n, gen)
        noise = torch.randn(x0.shape, generator=gen)
        s4 = sigma[:, None, None, None]
        xt = (1 - s4) * x0 + s4 * noise
        x0_pred = model.denoise(xt, sigma * 1000, ground)
        v_pred = (xt - x0_pred) / s4.clamp(min=SIGMA_MIN)
        loss = ((v_pred - (noise - x0)) ** 2).mean()
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        with torch.no_grad():
            d = min(EMA, (1 + step) / (10 + step))
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.mul_(d).add_(pm.detach(), alpha=1 - d)
        if step % 50 == 0:
            rec = {"step": step, "loss": round(loss.item(), 4), "s": round(time.time() - t0)}
            print(json.dumps(rec), flush=True); log.write(json.dumps(rec) + "\n"); log.flush()
        if step % 250 == 0:
            save(path, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step)
    save(path, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step)
    print(f"stopped at step {step}", flush=True)


if __name__ == "__main__":
    main()
