"""Pre-train the text encoder on the parse task (text only). ~2 minutes on 2 cores.

usage: train_text_encoder.py [--steps N] [--out runs/text_encoder.pt]
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F

from nets.text_encoder import TextEncoder
from shapeworld.layout import separated
from shapeworld.scene import sample_scene
from sktrain import tokenizer
from sktrain.corpus import build_corpus
from sktrain.paths import RUNS

EMPTY_RATE = 0.1


def to_batch(vocab, items, rng):
    ids, mask, colors, shapes, xy = [], [], [], [], []
    for cap, c, s, p in items:
        if rng.random() < EMPTY_RATE:
            cap, c, s, p = "", np.zeros_like(c), np.zeros_like(s), np.zeros_like(p)
        i, m = tokenizer.encode(vocab, cap)
        ids.append(i); mask.append(m); colors.append(c); shapes.append(s); xy.append(p)
    t = lambda a, dt: torch.tensor(np.array(a), dtype=dt)
    return t(ids, torch.long), t(mask, torch.long), t(colors, torch.long), t(shapes, torch.long), t(xy, torch.float32)


def parse_loss(model, ids, mask, colors, shapes, xy):
    """Parse loss, colour+shape accuracy, xy MSE, and the slots (for the anchor loss)."""
    hidden = model(ids, mask)
    c, s, p = model.parse(hidden)
    present = (colors > 0).float()[..., None]
    loss_xy = ((p - xy) ** 2 * present).sum() / present.sum().clamp(min=1) / 4
    loss = F.cross_entropy(c.reshape(-1, c.shape[-1]), colors.reshape(-1)) \
        + F.cross_entropy(s.reshape(-1, s.shape[-1]), shapes.reshape(-1)) + 20 * loss_xy
    acc = ((c.argmax(-1) == colors) & (s.argmax(-1) == shapes)).all(-1).float().mean()
    return loss, acc, loss_xy, hidden


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=2500)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--out", default=str(RUNS / "text_encoder.pt"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--init", help="continue from a text encoder checkpoint (same vocabulary)")
    ap.add_argument("--anchor-weight", type=float, default=0.0,
                    help="with --init: keep the slots near the init model's (a DiT trained on them keeps working)")
    ap.add_argument("--focus", type=float, default=0.0,
                    help="fraction of each batch from captions whose layout splits colliding vertical paths")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    train = build_corpus(range(1_000_000, 1_030_000), captions_per_scene=2)
    held = build_corpus(range(2_000_000, 2_001_000))
    vocab = tokenizer.build_vocab([c[0] for c in train])
    init = torch.load(args.init) if args.init else None
    if init is not None:
        assert init["vocab"] == vocab, "the vocabulary changed: train from scratch"
    print(f"corpus {len(train)} captions, vocab {len(vocab)}, {time.time() - t0:.1f}s", flush=True)
    model = TextEncoder(len(vocab))
    if init is not None:
        model.load_state_dict(init["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.lr, total_steps=args.steps, pct_start=0.05)
    hb = to_batch(vocab, held, np.random.default_rng(1))
    anchor = None
    if init is not None and args.anchor_weight > 0:
        anchor = TextEncoder(len(vocab))
        anchor.load_state_dict(init["model"])
        anchor.eval().requires_grad_(False)
    focus = [c for s in range(3_000_000, 3_200_000) if separated(sample_scene(s))
             for c in build_corpus([s], captions_per_scene=4)] if args.focus > 0 else []
    if focus:
        print(f"focus corpus {len(focus)} captions", flush=True)
    for step in range(1, args.steps + 1):
        n_focus = int(args.batch * args.focus)
        items = [train[i] for i in rng.integers(0, len(train), args.batch - n_focus)]
        items += [focus[i] for i in rng.integers(0, len(focus), n_focus)] if n_focus else []
        batch = to_batch(vocab, items, rng)
        loss, acc, _, slots = parse_loss(model, *batch)
        if anchor is not None:
            with torch.no_grad():
                target = anchor(batch[0], batch[1])
            loss = loss + args.anchor_weight * ((slots - target) ** 2).mean()
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if step % 100 == 0 or step == args.steps:
            with torch.no_grad():
                hl, ha, hxy, _ = parse_loss(model, *hb)
            print(f"step {step} loss {loss.item():.4f} acc {acc.item():.3f} | held loss {hl.item():.4f} "
                  f"acc {ha.item():.3f} xy_rmse {hxy.sqrt().item():.3f} | {time.time() - t0:.0f}s", flush=True)
        if step % 100 == 0 or step == args.steps:
            torch.save({"model": model.state_dict(), "vocab": vocab, "config": {"vocab_size": len(vocab)},
                        "step": step}, args.out)
    json.dump({"steps": args.steps, "seconds": time.time() - t0, "held_acc": ha.item(),
               "held_xy_rmse": hxy.sqrt().item()}, open(args.out + ".json", "w"))


if __name__ == "__main__":
    main()
