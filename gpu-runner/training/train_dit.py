"""Train the latent DiT with flow matching on pre-encoded clips; captions re-phrased every step.

usage: train_dit.py [--minutes M] [--steps N] [--resume]   (checkpoint: runs/dit.pt, log: runs/dit_log.jsonl)
"""
import runtime  # noqa: F401  (thread settings, first)
import argparse
import glob
import json
import os
import time

import numpy as np
import torch

import tokenizer
from checkpoints import DIT_CONFIG, load_stats, load_text_encoder
from models.dit import DiT
from shapeworld.captions import caption_scene

EMPTY_RATE = 0.1
SHIFT = 3.0


def load_latents():
    zs, scenes = [], []
    for p in sorted(glob.glob("data/latents/shard_*.npz")):
        d = np.load(p)
        zs.append(torch.from_numpy(d["latents"].astype(np.float32)))
        scenes += json.loads(str(d["scenes"]))
    mean, std = load_stats()
    return (torch.cat(zs) - mean) / std, scenes


def encode_captions(text_encoder, vocab, captions):
    ids, mask = zip(*[tokenizer.encode(vocab, c) for c in captions])
    with torch.no_grad():
        return text_encoder(torch.tensor(ids), torch.tensor(mask))


def sample_sigma(n, gen):
    u = torch.sigmoid(torch.randn(n, generator=gen))
    return SHIFT * u / (1 + (SHIFT - 1) * u)


def save(path, **state):
    torch.save(state, path + ".tmp")
    os.replace(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=100000)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--ckpt", default="runs/ditx.pt")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    text_encoder, vocab = load_text_encoder()
    latents, scenes = load_latents()
    model = DiT(**DIT_CONFIG)
    ema = DiT(**DIT_CONFIG).requires_grad_(False)
    ema.load_state_dict(model.state_dict())
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
    step, elapsed, gen = 0, 0.0, torch.Generator().manual_seed(args.seed)
    if args.resume:
        ck = torch.load(args.ckpt if os.path.exists(args.ckpt) else "checkpoints/dit.pt")
        for key in ("model", "ema"):
            ck[key] = {k: v.float() for k, v in ck[key].items()}
        model.load_state_dict(ck["model"]); ema.load_state_dict(ck["ema"])
        if "opt" in ck:  # the slim committed checkpoint has no optimizer state / rng
            opt.load_state_dict(ck["opt"]); gen.set_state(ck["gen"])
        step, elapsed = ck["step"], ck["elapsed"]
    print(f"{len(latents)} clips, {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M params, "
          f"start step {step}", flush=True)
    empty = encode_captions(text_encoder, vocab, [""])
    t_start, log = time.time(), open(args.ckpt.replace(".pt", "_log.jsonl"), "a")
    while step < args.steps and (time.time() - t_start) / 60 < args.minutes:
        t0 = time.time()
        idx = torch.randint(0, len(latents), (args.batch,), generator=gen)
        caps = [caption_scene(scenes[i], int(torch.randint(0, 2**31, (1,), generator=gen)))[0] for i in idx]
        ctx = encode_captions(text_encoder, vocab, caps)
        drop = torch.rand(args.batch, generator=gen) < EMPTY_RATE
        ctx[drop] = empty
        x0 = latents[idx]
        noise = torch.randn(x0.shape, generator=gen)
        sigma = sample_sigma(args.batch, gen)
        s = sigma.view(-1, 1, 1, 1, 1)
        pred = model((1 - s) * x0 + s * noise, sigma * 1000, ctx)
        loss = ((pred - (noise - x0)) ** 2).mean()
        for g in opt.param_groups:
            g["lr"] = args.lr * min(1.0, (step + 1) / 100)
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        decay = min(0.998, (1 + step) / (10 + step))
        with torch.no_grad():
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.mul_(decay).add_(pm, alpha=1 - decay)
        elapsed += time.time() - t0
        if step % 10 == 0:
            log.write(json.dumps({"step": step, "loss": round(loss.item(), 5), "elapsed_s": round(elapsed, 1),
                                  "wall": time.strftime("%H:%M:%S")}) + "\n"); log.flush()
        if step % 50 == 0:
            print(f"step {step} loss {loss.item():.4f} {elapsed / 60:.1f} min ({time.time() - t0:.2f} s/step)", flush=True)
        if step % 100 == 0:
            save(args.ckpt, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step,
                 elapsed=elapsed, gen=gen.get_state(), config=DIT_CONFIG)
    save(args.ckpt, model=model.state_dict(), ema=ema.state_dict(), opt=opt.state_dict(), step=step,
         elapsed=elapsed, gen=gen.get_state(), config=DIT_CONFIG)
    print(f"done at step {step}, {elapsed / 60:.1f} min of training", flush=True)


if __name__ == "__main__":
    main()
