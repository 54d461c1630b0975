"""Write src/fixtures/python-layout-v2.json.gz, the world-v2 layout fixture the TypeScript twin
(src/layout.ts: layoutProgram, minGap, chooseLayout) is tested against (src/layout.test.ts).

200 scene programs from world2.sample_program (seeds LAYOUT_SEED_BASE + i, outside the training and
suite ranges), each at one of the four sizes and one of the four lengths (all 16 pairs in turn),
with CANDIDATES noise sets [16, things, 8] as world2.draw_layout draws them (uniform, rounded to
4 decimals to keep the file small: any u in [0, 1] is valid noise), each candidate's
min_gap (null for a single object: infinite), the index world2.choose picks and the chosen layout's
objects with their centres per frame.

tests/test_fixtures_v2.py checks that the committed file is what this code writes.

usage: /usr/bin/python3 scripts/make_layout_fixture.py   (from training/; numpy only)
"""
import gzip
import json
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))
import numpy as np  # noqa: E402

from shapeworld.world2 import (  # noqa: E402
    CANDIDATES, FORMATS, FRAME_COUNTS, NOISE_PER_THING, choose, layout, min_gap, sample_program,
)

FIXTURE = TRAINING.parent / "src" / "fixtures" / "python-layout-v2.json.gz"
LAYOUT_SEED_BASE = 51_000_000
COUNT = 200


def layout_cases():
    rng = np.random.default_rng(2)
    out = []
    for i in range(COUNT):
        program = sample_program(LAYOUT_SEED_BASE + i)
        things = program["things"]
        (width, height), frames = FORMATS[i % len(FORMATS)], FRAME_COUNTS[i // len(FORMATS) % len(FRAME_COUNTS)]
        u = np.round(rng.random((CANDIDATES, len(things), NOISE_PER_THING)), 4)
        gaps = [min_gap(*layout(things, c, width, height, frames), width, height) for c in u]
        chosen = choose(things, u, width, height, frames)
        objects, centres = layout(things, u[chosen], width, height, frames)
        out.append({"seed": program["seed"], "kind": program["kind"], "width": width, "height": height,
                    "frames": frames, "things": things, "candidates": u.tolist(),
                    "gaps": [None if np.isinf(g) else g for g in gaps], "chosen": chosen,
                    "objects": [dict(o, centers=c.tolist()) for o, c in zip(objects, centres)]})
    return out


def fixture_bytes(value):
    """The fixture's JSON text (what tests/test_fixtures_v2.py compares)."""
    return json.dumps(value, allow_nan=False).encode()


def write(path, value):
    path.write_bytes(gzip.compress(fixture_bytes(value), mtime=0))


def main():
    cases = layout_cases()
    write(FIXTURE, cases)
    print(f"wrote {FIXTURE.name}: {len(cases)} programs, {FIXTURE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
