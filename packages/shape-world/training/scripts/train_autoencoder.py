"""Train the per-frame autoencoder on rendered frames (random layouts + clip frames).

usage: train_autoencoder.py [--steps N] [--out runs/autoencoder.pt]
       train_autoencoder.py --decoder-only --init runs/autoencoder.pt --out runs/autoencoder_ft.pt
(--decoder-only keeps the encoder, hence the latent space, fixed while the decoder keeps learning)
"""
import runtime  # noqa: F401  (thread settings, first)
import argparse
import glob
import os
import json
import time

import numpy as np
import torch

from models.autoencoder import Decoder, Encoder, soft_targets
from shapeworld.render import probs_to_rgb, render_probs
from shapeworld.vocab import COLOR_NAMES, OBJECT_SIZE, SHAPES

OBJECT_WEIGHT = 8.0
LATENT_NOISE = 0.1


def random_frames(n, seed):
    """Frames with 0-2 objects at uniformly random, non-overlapping positions."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < n:
        k = rng.choice([0, 1, 2], p=[0.02, 0.4, 0.58])
        objs = []
        for c in rng.choice(COLOR_NAMES, k, replace=False):
            p = rng.uniform(0.08, 0.92, 2)
            objs.append({"color": str(c), "shape": str(rng.choice(SHAPES)), "start": list(p), "end": list(p),
                         "size": OBJECT_SIZE * rng.uniform(0.95, 1.05)})
        if k == 2 and np.hypot(*(np.array(objs[0]["start"]) - objs[1]["start"])) < 0.26:
            continue
        out.append(probs_to_rgb(render_probs(objs, num_frames=1))[0])
    return np.stack(out)


def load_bank(num_random, seed):
    frames = [random_frames(num_random, seed)]
    for path in sorted(glob.glob("data/clips/shard_*.npz"))[:4]:
        clips = np.load(path)["frames"]
        frames.append(clips[:, ::3].reshape(-1, *clips.shape[2:]))
    return torch.from_numpy(np.concatenate(frames))


def to_input(rgb_uint8):
    return rgb_uint8.permute(0, 3, 1, 2).float() / 127.5 - 1.0


def decoder_loss(dec, z, batch, edge_weight=0.0, object_weight=OBJECT_WEIGHT, sample_weight=None):
    """Weighted cross-entropy of the decoder's palette logits for latents `z` against the frames
    (`sample_weight` [N] scales each frame's share)."""
    logits = dec.logits(z)
    target = soft_targets(batch)
    ce = -(target * logits.log_softmax(1)).sum(1)
    weight = 1.0 + object_weight * (1.0 - target[:, 0])
    if edge_weight:  # emphasise the outline (where shapes differ): bg coverage changes nearby
        bg = target[:, :1]
        edge = (torch.nn.functional.max_pool2d(bg, 3, 1, 1) - (-torch.nn.functional.max_pool2d(-bg, 3, 1, 1)))
        weight = weight + edge_weight * (edge[:, 0] > 0.05).float()
    if sample_weight is not None:
        weight = weight * sample_weight.view(-1, 1, 1)
    hit = (logits.argmax(1) == target.argmax(1))[target[:, 0] < 0.5].float().mean()
    return (ce * weight).mean(), hit


def ae_loss(enc, dec, batch, noise=LATENT_NOISE, edge_weight=0.0, object_weight=OBJECT_WEIGHT):
    z = enc(to_input(batch))
    loss, hit = decoder_loss(dec, z + noise * torch.randn_like(z), batch, edge_weight, object_weight)
    return loss + 1e-3 * (z ** 2).mean(), hit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--out", default="runs/autoencoder.pt")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decoder-only", action="store_true")
    ap.add_argument("--init")
    ap.add_argument("--edge-weight", type=float, default=0.0)
    ap.add_argument("--object-weight", type=float, default=OBJECT_WEIGHT)
    ap.add_argument("--latent-noise", type=float, default=LATENT_NOISE,
                    help="Gaussian noise on the latents in training: robustness to the DiT's imperfect latents")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    t0 = time.time()
    bank = load_bank(12000, args.seed)
    print(f"bank {len(bank)} frames, {time.time() - t0:.0f}s", flush=True)
    enc, dec = Encoder(), Decoder()
    if args.init:
        ck = torch.load(args.init)
        enc.load_state_dict(ck["encoder"]); dec.load_state_dict(ck["decoder"])
    if args.decoder_only:
        enc.requires_grad_(False)
    params = list(dec.parameters()) + ([] if args.decoder_only else list(enc.parameters()))
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.lr, total_steps=args.steps, pct_start=0.05)
    gen = torch.Generator().manual_seed(args.seed)
    log = []
    for step in range(1, args.steps + 1):
        batch = bank[torch.randint(0, len(bank), (args.batch,), generator=gen)]
        loss, hit = ae_loss(enc, dec, batch, noise=args.latent_noise, edge_weight=args.edge_weight,
                            object_weight=args.object_weight)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if step % 100 == 0 or step == args.steps:
            log.append({"step": step, "loss": loss.item(), "object_pixel_acc": hit.item(), "s": time.time() - t0})
            print(json.dumps(log[-1]), flush=True)
        if step % 50 == 0 or step == args.steps:
            torch.save({"encoder": enc.state_dict(), "decoder": dec.state_dict(), "log": log, "step": step},
                       args.out + ".tmp")
            os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
