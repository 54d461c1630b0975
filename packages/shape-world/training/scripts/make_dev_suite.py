"""Write dev-suite.json: 96 random scenes of the grammar (seeds outside the training clips' range),
captioned by the caption generator, as suite entries. Hyper-parameters and checkpoints are chosen on
this suite; eval-suite.json (hand-written, covering the grammar) stays the test the report quotes.
Every entry is checked on its own rendered ground-truth scene.

usage: make_dev_suite.py [--count 96] [--out dev-suite.json]
"""
import runtime  # noqa: F401  (thread settings, first)
import argparse
import json

from shapeworld.captions import caption_scene
from shapeworld.reader import read_video
from shapeworld.render import render_scene
from shapeworld.rules import check_entry, suite_entry
from shapeworld.scene import sample_scene

SEED_BASE = 20_000_000  # training clips use 10_000_000 + index (< 14 000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=96)
    ap.add_argument("--out", default="dev-suite.json")
    args = ap.parse_args()
    entries = []
    for i in range(args.count):
        scene = sample_scene(SEED_BASE + i)
        prompt, _ = caption_scene(scene, SEED_BASE + i)
        entry = dict(id=f"dev-{i:03d}", **suite_entry(scene, prompt))
        reads = read_video(render_scene(scene)[0])
        failed = [c for c, ok in zip(entry["clauses"], check_entry(reads, entry)) if not ok]
        assert not failed, (prompt, failed)
        entries.append(entry)
    json.dump(entries, open(args.out, "w"), indent=1)
    print(f"{len(entries)} entries -> {args.out}; every ground-truth scene passes")


if __name__ == "__main__":
    main()
