"""Write the dev suite, ../suites/v1-dev.json (shapeworld/suites.py: random scenes of the grammar,
seeds outside the training clips' range, captioned by the caption generator). Hyper-parameters and
checkpoints are chosen on this suite; v1-test.json (hand-written, covering the grammar) stays the
test the report quotes. Every entry is checked on its own rendered ground-truth scene.

usage: make_dev_suite.py [--count 96] [--out ../suites/v1-dev.json]
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sktrain.runtime  # noqa: F401  (thread settings, first)
import argparse

from shapeworld.reader import read_video
from shapeworld.render import render_scene
from shapeworld.rules import check_entry
from shapeworld.suites import v1_dev_suite
from sktrain.suite_files import DEV_SUITE, write_suite


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=96)
    ap.add_argument("--out", default=str(DEV_SUITE))
    args = ap.parse_args()
    entries = []
    for entry, scene in v1_dev_suite(args.count):
        reads = read_video(render_scene(scene)[0])
        failed = [c for c, ok in zip(entry["clauses"], check_entry(reads, entry)) if not ok]
        assert not failed, (entry["prompt"], failed)
        entries.append(entry)
    write_suite(entries, args.out)
    print(f"{len(entries)} entries -> {args.out}; every ground-truth scene passes")


if __name__ == "__main__":
    main()
