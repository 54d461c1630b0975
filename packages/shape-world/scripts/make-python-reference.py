"""Writes src/fixtures/python-reference.json.gz: frames drawn by the training renderer and the training
reader's read-back of them (training/shapeworld/{render,reader}.py). The TypeScript
renderer and reader are tested against it, so both sides of the project see scenes the same way.

usage: python3 packages/shape-world/scripts/make-python-reference.py   (numpy + scipy; no torch)
"""
import base64
import gzip
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../training"))
from shapeworld.reader import read_video  # noqa: E402
from shapeworld.render import probs_to_rgb, render_probs  # noqa: E402
from scripts.make_eval_fixtures import json_reads  # noqa: E402

SCENES = [
    [("yellow", "ball", 0.2, (0.13, 0.5), (0.5, 0.5)), ("blue", "square", 0.2, (0.8, 0.5), (0.8, 0.5))],
    [("red", "triangle", 0.21, (0.2, 0.2), (0.8, 0.8))],
    [("green", "ball", 0.19, (0.3, 0.3), (0.3, 0.7)), ("purple", "triangle", 0.2, (0.7, 0.7), (0.7, 0.3))],
    [("orange", "square", 0.2, (0.5, 0.13), (0.5, 0.87)), ("white", "ball", 0.2, (0.45, 0.5), (0.6, 0.5))],
]
FRAMES = 3


def main():
    rng = np.random.default_rng(0)
    out = []
    for i, objs in enumerate(SCENES):
        t = np.linspace(0, 1, FRAMES)[:, None]
        objects = [{"color": c, "shape": s, "size": size} for c, s, size, _, _ in objs]
        centers = [np.array(a) * (1 - t) + np.array(b) * t for _, _, _, a, b in objs]
        clean = probs_to_rgb(render_probs(objects, 64, FRAMES, centers))
        # a perturbed copy: noise, and a stray blob of another colour, as a model's output might have
        noisy = np.clip(clean.astype(np.float32) + rng.normal(0, 14, clean.shape), 0, 255).astype(np.uint8)
        noisy[:, 60:63, 2:9] = (40, 180, 70)
        variants = [("clean", clean), ("noisy", noisy)] if i < 2 else [("clean", clean)]  # keep the file small
        for name, frames in variants:
            reads = read_video(frames)
            out.append({
                "name": name,
                "objects": [dict(o, centers=c.tolist()) for o, c in zip(objects, centers)],
                "frames": [base64.b64encode(f.tobytes()).decode() for f in frames],
                "reads": json_reads(reads),  # world v2 reads: {width, height, blobs: {colour: [blob]}}
            })
    path = os.path.join(HERE, "../src/fixtures/python-reference.json.gz")
    with gzip.open(path, "wt") as f:
        json.dump(out, f)
    print(f"wrote {path}: {len(out)} clips")


if __name__ == "__main__":
    main()
