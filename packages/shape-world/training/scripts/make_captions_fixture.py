"""Write src/fixtures/python-captions-v2.json.gz, the caption fixture the TypeScript parser
(src/parse-prompt.ts) is tested against (src/parse-prompt-captions.test.ts): 1000 programs from
world2.sample_program (seeds CAPTION_SEED_BASE + i, outside the training, corpus and suite ranges),
each with its caption (captions2.caption_program, same seed) and the scene spec that caption asks
for (world2.spec_of in the caption's mention order). parsePrompt(caption) must return that spec.

tests/test_fixtures_v2.py checks that the committed file is what this code writes.

usage: /usr/bin/python3 scripts/make_captions_fixture.py   (from training/; numpy only)
"""
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))

from scripts.make_layout_fixture import write  # noqa: E402
from shapeworld.captions2 import caption_program  # noqa: E402
from shapeworld.world2 import sample_program, spec_of  # noqa: E402

FIXTURE = TRAINING.parent / "src" / "fixtures" / "python-captions-v2.json.gz"
CAPTION_SEED_BASE = 50_000_000
COUNT = 1000


def caption_pairs():
    out = []
    for i in range(COUNT):
        seed = CAPTION_SEED_BASE + i
        program = sample_program(seed)
        caption, order = caption_program(program, seed)
        out.append({"seed": seed, "kind": program["kind"], "caption": caption, **spec_of(program, order)})
    return out


def main():
    pairs = caption_pairs()
    write(FIXTURE, pairs)
    print(f"wrote {FIXTURE.name}: {len(pairs)} captions, {FIXTURE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
