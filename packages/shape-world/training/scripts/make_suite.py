"""Write the reported suite, ../suites/v1-test.json (shapeworld/suites.py: 48 prompts covering every
place, motion, relation, shape, colour and joiner), after checking that every entry passes on its
rendered ground-truth scene and that every prompt word is in the tokenizer vocabulary.

usage: make_suite.py [TEXT_ENCODER] [--out ../suites/v1-test.json]
       (vocabulary from TEXT_ENCODER, default runs/text_encoder.pt, else the committed checkpoint)
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
from shapeworld.suites import v1_test_suite
from sktrain import tokenizer
from sktrain.checkpoints import load_text_encoder
from sktrain.suite_files import TEST_SUITE, write_suite


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text_encoder", nargs="?", help="text encoder checkpoint whose vocabulary the prompts must use")
    ap.add_argument("--out", default=str(TEST_SUITE))
    args = ap.parse_args()
    _, vocab = load_text_encoder(args.text_encoder)
    suite, bad = [], 0
    for entry, scene in v1_test_suite():
        unknown = [w for w in tokenizer.split_words(entry["prompt"]) if w not in vocab]
        ok = all(check_entry(read_video(render_scene(scene)[0]), entry))
        if unknown or not ok:
            bad += 1
            print("PROBLEM", entry["prompt"], unknown, ok)
        suite.append(entry)
    write_suite(suite, args.out)
    print(f"{len(suite)} prompts, {bad} problems -> {args.out}")


if __name__ == "__main__":
    main()
