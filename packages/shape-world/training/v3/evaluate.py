"""Evaluate model 3.0 (PyTorch sampler) on a suite with the Python evaluator: fully correct runs,
clause accuracy per kind and per format, and seed variety (mean centroid distance between seeds 1
and 2 on prompts that pass on both, in units of the canvas: x by width, y by height).

usage: python3 -m v3.evaluate --suite ../suites/v2-dev.json [--seeds 1,2,3] [--limit N] [--guidance 2]
       [--dit runs/v3/dit.pt] [--decoder runs/v3/decoder.pt] [--out report.json]
"""
import sktrain.runtime  # noqa: F401
import argparse
import json
import time
from collections import defaultdict

import numpy as np

from shapeworld.reader import SceneRead, read_video
from shapeworld.rules import check_entry
from sktrain.paths import RUNS
from v3.sample import Model


def positions(reads, entry):
    sr = SceneRead(reads, entry["objects"])
    return {o["color"]: sr.track(o["color"]) for o in entry["objects"]}


def variety(p1, p2):
    d = []
    for color in p1:
        for a, b in zip(p1[color], p2[color]):
            if a is not None and b is not None:
                d.append(np.hypot(a[0] - b[0], a[1] - b[1]))
    return float(np.mean(d)) if d else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", required=True)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--guidance", type=float, default=2.0)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--dit", default=str(RUNS / "v3" / "dit.pt"))
    ap.add_argument("--text", default=str(RUNS / "v3" / "text.pt"))
    ap.add_argument("--decoder", default=str(RUNS / "v3" / "decoder_ft.pt"))
    ap.add_argument("--stats", default=str(RUNS / "v3" / "latent_stats_pca.json"))
    ap.add_argument("--out")
    args = ap.parse_args()
    model = Model(args.text, args.dit, args.decoder, args.stats)
    suite = json.load(open(args.suite))
    if args.limit:
        suite = suite[: args.limit]
    seeds = [int(s) for s in args.seeds.split(",")]
    t0 = time.time()
    runs, kinds, formats, var = [], defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), []
    for e in suite:
        w, h, f = e.get("width", 64), e.get("height", 64), e.get("num_frames", 16)
        pos = {}
        for seed in seeds:
            frames = model.generate(e["prompt"], w, h, f, seed, args.steps, args.guidance)
            reads = read_video(frames)
            ok = check_entry(reads, e)
            for c, passed in zip(e["clauses"], ok):
                kinds[c["kind"]][0] += passed; kinds[c["kind"]][1] += 1
            fmt = f"{w}x{h}x{f}"
            formats[fmt][0] += all(ok); formats[fmt][1] += 1
            runs.append({"id": e["id"], "seed": seed, "pass": all(ok),
                         "failed": [c["kind"] + (":" + c.get("color", "")) for c, p in zip(e["clauses"], ok) if not p]})
            if all(ok):
                pos[seed] = positions(reads, e)
        if 1 in pos and 2 in pos:
            v = variety(pos[1], pos[2])
            if v is not None:
                var.append(v)
        done = sum(r["pass"] for r in runs)
        print(f"{e['id']}: {[r['pass'] for r in runs[-len(seeds):]]} {runs[-1]['failed']} | {done}/{len(runs)} "
              f"{time.time() - t0:.0f} s", flush=True)
    summary = {"dit_step": model.step, "guidance": args.guidance, "runs": len(runs),
               "fully_correct": sum(r["pass"] for r in runs) / len(runs),
               "clauses": {k: round(a / b, 4) for k, (a, b) in kinds.items()},
               "formats": {k: f"{a}/{b}" for k, (a, b) in sorted(formats.items())},
               "seed_variety": {"prompts": len(var), "mean_centroid_distance": float(np.mean(var)) if var else None},
               "seconds": round(time.time() - t0)}
    print(json.dumps(summary, indent=1))
    if args.out:
        json.dump({"summary": summary, "runs": runs}, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
