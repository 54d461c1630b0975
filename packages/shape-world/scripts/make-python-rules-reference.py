"""Writes src/fixtures/python-rules-reference.json.gz: scenes from the training sampler with their
training captions, the training reader's read-back (some perturbed to break a clause) and the
training rules' verdict per clause (training/shapeworld/{scene,captions,reader,rules}.py).
The TypeScript parser must read each caption as the scene's clauses, and the TypeScript rules must
give the same verdicts on the same read-backs.

usage: python3 packages/shape-world/scripts/make-python-rules-reference.py   (numpy + scipy; no torch)
"""
import copy
import gzip
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../training"))
from shapeworld.captions import caption_scene  # noqa: E402
from shapeworld.reader import read_video  # noqa: E402
from shapeworld.render import render_scene  # noqa: E402
from shapeworld.rules import check_clause, suite_entry  # noqa: E402
from shapeworld.scene import sample_scene  # noqa: E402
from shapeworld.vocab import COLOR_NAMES  # noqa: E402

SCENES = 80


def perturb(reads, objects, kind, rng):
    """Breaks a read-back the way a poor model might: reversed time, jumps, gaps, extras, shapes."""
    reads = copy.deepcopy(reads)
    color = objects[int(rng.integers(len(objects)))]["color"]
    if kind == "reverse":
        reads.reverse()
    elif kind == "jump":
        for r in reads[8:]:
            if color in r:
                r[color]["x"] = float(min(0.98, r[color]["x"] + 0.3))
    elif kind == "gaps":
        for f in rng.choice(len(reads), int(rng.integers(1, 4)), replace=False):
            reads[int(f)].pop(color, None)
    elif kind == "extra":
        unnamed = [c for c in COLOR_NAMES if c not in {o["color"] for o in objects}][0]
        reads[int(rng.integers(len(reads)))][unnamed] = {"x": 0.5, "y": 0.5, "area": 40, "fill": 1.0, "shape": "square"}
    elif kind == "swap" and len(objects) == 2:
        a, b = objects[0]["color"], objects[1]["color"]
        for r in reads:
            if a in r and b in r:
                for k in ("x", "y"):
                    r[a][k], r[b][k] = r[b][k], r[a][k]
    elif kind == "shape":
        # never exactly half the frames: the training rule breaks majority ties arbitrarily
        for r in reads[: int(rng.choice([3, 4, 5, 11, 12, 13]))]:
            if color in r:
                r[color]["shape"] = "triangle" if r[color]["shape"] != "triangle" else "ball"
    elif kind == "wobble":
        for f, r in enumerate(reads):
            if color in r:
                r[color]["y"] = float(r[color]["y"] + (0.05 if f % 2 else -0.05))
    return reads


def main():
    rng = np.random.default_rng(1)
    kinds = ["none", "reverse", "jump", "gaps", "extra", "shape", "wobble", "swap"]
    out = []
    for seed in range(SCENES):
        scene = sample_scene(seed)
        caption, _ = caption_scene(scene, seed)
        entry = suite_entry(scene, caption)
        # v1 form: the largest blob per colour (world v2's reader keeps them all; these scenes have one each)
        reads = [{c: {k: (float(v) if k != "shape" else v) for k, v in blobs[0].items()} for c, blobs in r["blobs"].items()}
                 for r in read_video(render_scene(scene)[0])]
        kind = kinds[seed % len(kinds)]
        reads = perturb(reads, entry["objects"], kind, rng)
        v2_reads = [{"width": 64, "height": 64, "blobs": {c: [o] for c, o in r.items()}} for r in reads]
        verdicts = [bool(check_clause(v2_reads, entry["objects"], c)) for c in entry["clauses"]]
        out.append(dict(entry, seed=seed, perturbation=kind, reads=reads, verdicts=verdicts))
    path = os.path.join(HERE, "../src/fixtures/python-rules-reference.json.gz")
    with gzip.open(path, "wt") as f:
        json.dump(out, f)
    failing = sum(not all(e["verdicts"]) for e in out)
    print(f"wrote {path}: {len(out)} scenes, {failing} with a failing clause")


if __name__ == "__main__":
    main()
