"""Evaluate the trained model on the suite with the runner's sampler (20 steps, CFG).

usage: evaluate.py [--suite ../suites/v1-test.json] [--seeds 1,2,3] [--limit N] [--sampler unipc|euler]
                   [--guidance 4] [--json out.json] [--sheet out.png]
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

from shapeworld.reader import read_video
from shapeworld.rules import check_entry
from sktrain import tokenizer
from sktrain.checkpoints import DECODER_SHARPNESS, load_decoder, load_dit, load_stats, load_text_encoder
from sktrain.sampling import euler, unipc
from sktrain.suite_files import TEST_SUITE, read_suite


class Pipeline:
    def __init__(self, dit_path=None, ema=True, decoder_path=None, sharpness=DECODER_SHARPNESS):
        self.text_encoder, self.vocab = load_text_encoder()
        self.dit, ck = load_dit(dit_path, ema)
        self.step = ck["step"]
        self.decoder = load_decoder(decoder_path, sharpness)
        self.mean, self.std = load_stats()

    def encode(self, texts):
        ids, mask = zip(*[tokenizer.encode(self.vocab, t) for t in texts])
        return self.text_encoder(torch.tensor(ids), torch.tensor(mask))

    @torch.no_grad()
    def generate(self, prompt, seed, steps=20, guidance=3.0, sampler="unipc", negative=""):
        ctx = self.encode([prompt, negative])
        x = torch.randn((1, self.dit.channels, 16, 8, 8), generator=torch.Generator().manual_seed(seed))

        def velocity(x, t):
            v = self.dit(x.repeat(2, 1, 1, 1, 1), torch.full((2,), float(t)), ctx)
            return v[1:] + guidance * (v[:1] - v[1:])

        x = (unipc if sampler == "unipc" else euler)(velocity, x, steps)
        z = x * self.std + self.mean
        f = z.shape[2]
        frames = self.decoder(z.transpose(1, 2).reshape(f, -1, 8, 8))  # [F, 3, 64, 64]
        return ((frames.permute(0, 2, 3, 1) + 1) * 127.5).round().clamp(0, 255).byte().numpy()


def evaluate(pipe, suite, seeds, **kw):
    rows, t0 = [], time.time()
    for entry in suite:
        for seed in seeds:
            frames = pipe.generate(entry["prompt"], seed, **kw)
            reads = read_video(frames)
            results = check_entry(reads, entry)
            rows.append({"prompt": entry["prompt"], "seed": seed, "clauses": results, "ok": all(results),
                         "frames": frames})
    return rows, time.time() - t0


def summarize(rows, suite):
    by_kind = {}
    entries = {e["prompt"]: e for e in suite}
    for r in rows:
        for c, ok in zip(entries[r["prompt"]]["clauses"], r["clauses"]):
            k = by_kind.setdefault(c["kind"], [0, 0]); k[0] += ok; k[1] += 1
    total = sum(v[1] for v in by_kind.values())
    return {
        "runs": len(rows), "fully_correct": sum(r["ok"] for r in rows),
        "fully_correct_pct": 100.0 * sum(r["ok"] for r in rows) / max(1, len(rows)),
        "clause_accuracy_pct": 100.0 * sum(v[0] for v in by_kind.values()) / max(1, total),
        "per_kind_pct": {k: round(100.0 * v[0] / v[1], 1) for k, v in by_kind.items()},
    }


def contact_sheet(rows, path):
    from PIL import Image
    tiles = [np.concatenate([r["frames"][0], r["frames"][8], r["frames"][-1]], 1) for r in rows]
    cols = 6
    while len(tiles) % cols:
        tiles.append(np.zeros_like(tiles[0]))
    grid = np.concatenate([np.concatenate(tiles[i:i + cols], 1) for i in range(0, len(tiles), cols)], 0)
    Image.fromarray(grid).save(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", default=str(TEST_SUITE))
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sampler", default="unipc")
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--ckpt")
    ap.add_argument("--raw", action="store_true", help="use raw weights instead of EMA")
    ap.add_argument("--decoder", help="autoencoder checkpoint (default: as export_package.py)")
    ap.add_argument("--sharpness", type=float, default=DECODER_SHARPNESS)
    ap.add_argument("--json")
    ap.add_argument("--sheet")
    args = ap.parse_args()
    suite = read_suite(args.suite)
    if args.limit:
        suite = suite[:: max(1, len(suite) // args.limit)][: args.limit]
    pipe = Pipeline(args.ckpt, ema=not args.raw, decoder_path=args.decoder, sharpness=args.sharpness)
    rows, secs = evaluate(pipe, suite, [int(s) for s in args.seeds.split(",")], steps=args.steps,
                          guidance=args.guidance, sampler=args.sampler)
    summary = dict(summarize(rows, suite), step=pipe.step, sampler=args.sampler, guidance=args.guidance,
                   sharpness=args.sharpness,
                   seconds_per_video=secs / len(rows))
    print(json.dumps(summary))
    for r in rows:
        if not r["ok"]:
            print("FAIL", r["seed"], r["prompt"], r["clauses"])
    if args.json:
        json.dump({"summary": summary, "runs": [{k: v for k, v in r.items() if k != "frames"} for r in rows]},
                  open(args.json, "w"), indent=1)
    if args.sheet:
        contact_sheet(rows, args.sheet)


if __name__ == "__main__":
    main()
