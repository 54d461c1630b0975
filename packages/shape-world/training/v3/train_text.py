"""Train model 3.0's text encoder on the parse task: caption -> per-slot scene program (v3/corpus.py).

usage: python3 -m v3.train_text [--steps 2500] [--batch 256] [--out runs/v3/text.pt] [--resume]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F

from sktrain import tokenizer
from sktrain.paths import RUNS
from v3 import corpus
from v3.nets import HEAD, MAX_LENGTH, TextEncoder, split_head

EMPTY_RATE = 0.1
# words the grammar accepts that generated captions may not use (the closed vocabulary lists them)
EXTRA_WORDS = ["frame", "canvas", "scene", "picture", "image", "down", "up", "around", "middle", "centre", "near",
               "along", "stands", "stand", "still", "starting", "from", "at"]


def vocabulary(items):
    texts = [c for c, _ in items] + [" ".join(EXTRA_WORDS)]
    return tokenizer.build_vocab(texts)


def batch(vocab, items, idx, rng):
    ids, mask, tg = [], [], []
    for i in idx:
        cap, t = items[i]
        if rng.random() < EMPTY_RATE:
            cap, t = "", np.zeros_like(t)
        a, m = tokenizer.encode(vocab, cap, MAX_LENGTH)
        ids.append(a); mask.append(m); tg.append(t)
    return torch.tensor(ids), torch.tensor(mask), torch.tensor(np.array(tg))


def parse_loss(model, ids, mask, tg):
    p = split_head(model.head(model(ids, mask)))
    present = (tg[..., 0] > 0).float()
    loss = F.cross_entropy(p["color"].flatten(0, 1), tg[..., 0].flatten())
    acc = {"color": (p["color"].argmax(-1) == tg[..., 0]).float().mean()}
    for j, k in enumerate(list(HEAD)[1:], start=1):
        ce = F.cross_entropy(p[k].flatten(0, 1), tg[..., j].flatten(), reduction="none").view_as(present)
        loss = loss + (ce * present).sum() / present.sum().clamp(min=1)
        hit = (p[k].argmax(-1) == tg[..., j]).float()
        acc[k] = ((hit * present).sum() / present.sum().clamp(min=1))
    full = torch.ones(tg.shape[0])
    for j, k in enumerate(HEAD):
        hit = (p[k].argmax(-1) == tg[..., j]) | (present == 0) if j else (p[k].argmax(-1) == tg[..., j])
        full = full * hit.all(-1).float()
    acc["caption"] = full.mean()
    return loss, acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=2500)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--corpus", type=int, default=60000)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--out", default=str(RUNS / "v3" / "text.pt"))
    ap.add_argument("--resume", action="store_true")
    args = ap.parse_args()
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    t0 = time.time()
    items = corpus.build(args.corpus)
    held = items[-2000:]
    items = items[:-2000]
    print(f"corpus {len(items)} + {len(held)} held out in {time.time() - t0:.0f} s", flush=True)
    vocab = vocabulary(items + held)
    model = TextEncoder(len(vocab))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    start = 0
    if args.resume:
        ck = torch.load(args.out)
        model.load_state_dict(ck["model"]); opt.load_state_dict(ck["opt"]); start = ck["step"]
        assert ck["vocab"] == vocab
    sched = lambda s: min(1.0, (s + 1) / 200) * (0.5 * (1 + np.cos(np.pi * min(s, args.steps) / args.steps)) * 0.95 + 0.05)
    for step in range(start, args.steps):
        for g in opt.param_groups:
            g["lr"] = args.lr * sched(step)
        ids, mask, tg = batch(vocab, items, rng.integers(len(items), size=args.batch), rng)
        loss, acc = parse_loss(model, ids, mask, tg)
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
        if (step + 1) % 100 == 0 or step + 1 == args.steps:
            model.eval()
            with torch.no_grad():
                hl, hacc = parse_loss(model, *batch(vocab, held, range(len(held)), np.random.default_rng(1)))
            model.train()
            print(json.dumps({"step": step + 1, "loss": round(loss.item(), 4), "held_loss": round(hl.item(), 4),
                              "held": {k: round(v.item(), 4) for k, v in hacc.items()},
                              "s": round(time.time() - t0)}), flush=True)
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step + 1, "vocab": vocab}, args.out)


if __name__ == "__main__":
    main()
