"""Write the world v2 suites, ../suites/v2-test.json (hand-written prompts covering every v2 construct,
size and length; the reported suite) and ../suites/v2-dev.json (generated captions; where settings
are chosen), after checking that every entry passes on its rendered ground truth (the layout the
generator draws, best of 16, at the entry's own format) with seeds 1-3, and that every prompt word is
in the vocabulary of the text encoder given (model 3.0's).

usage: python3 -m scripts.make_suites_v2 [--text runs/v3/text.pt]
"""
if not __package__:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import argparse
import json

import numpy as np

from shapeworld.reader import read_video
from shapeworld.render import render_objects
from shapeworld.rules import check_entry
from shapeworld.suites2 import dev_entries, test_entries
from shapeworld.world2 import draw_layout
from sktrain import tokenizer
from sktrain.paths import SUITES
from sktrain.suite_files import write_suite


def ground_truth_ok(entry, program, seed):
    rng = np.random.default_rng(seed)
    w, h, f = entry["width"], entry["height"], entry["num_frames"]
    objects, centres = draw_layout(program["things"], rng, w, h, f)
    return all(check_entry(read_video(render_objects(objects, centres, w, h)), entry))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--text", help="text encoder checkpoint whose vocabulary the prompts must use")
    args = ap.parse_args()
    vocab = None
    if args.text:
        import torch
        vocab = torch.load(args.text)["vocab"]
    test, test_progs = test_entries()
    dev, dev_progs = dev_entries()
    problems = 0
    for name, entries, programs in (("v2-test", test, [p for _, _, p in test_progs]),
                                    ("v2-dev", dev, [p for _, _, p, _ in dev_progs])):
        for entry, program in zip(entries, programs):
            unknown = [w for w in tokenizer.split_words(entry["prompt"]) if vocab is not None and w not in vocab]
            failing = [s for s in (1, 2, 3) if not ground_truth_ok(entry, program, s)]
            if unknown or failing:
                problems += 1
                print("PROBLEM", entry["id"], entry["prompt"], unknown, "ground truth fails on seeds", failing)
        write_suite(entries, SUITES / f"{name}.json")
        print(f"{name}: {len(entries)} prompts -> {SUITES / (name + '.json')}")
    print(f"{problems} problems")


if __name__ == "__main__":
    main()
