"""Captions + parse targets for the text encoder: (caption, slot targets) per generated program.

Slot i holds the i-th thing in mention order; targets per slot: colour (0 = no thing, 1..7), shape,
count - 1, formation (0 none, 1 row, 2 column, 3 circle), path, start code, end code (world2.CODES).
"""
import json
import os

import numpy as np

from shapeworld.captions2 import caption_program
from shapeworld.vocab import COLOR_NAMES, SHAPES
from shapeworld.world2 import CODES, MAX_THINGS, PATHS, sample_program
from sktrain.paths import DATA

FIELDS = ["color", "shape", "count", "formation", "path", "start", "end"]
FORMATION_IDS = {None: 0, "row": 1, "column": 2, "circle": 3}
CORPUS_SEED_BASE = 40_000_000


def targets(program, order):
    t = np.zeros((MAX_THINGS, len(FIELDS)), np.int64)
    for slot, i in enumerate(order):
        th = program["things"][i]
        t[slot] = (1 + COLOR_NAMES.index(th["color"]), SHAPES.index(th["shape"]), th["count"] - 1,
                   FORMATION_IDS[th["formation"]], PATHS.index(th["path"]), CODES.index(th["start"]),
                   CODES.index(th["end"]))
    return t


def build(count, path=None):
    """[(caption, targets list)] for `count` programs, cached as JSON under data/v3/."""
    path = path or DATA / "v3" / f"corpus-{count}.json"
    if os.path.exists(path):
        return [(c, np.array(t)) for c, t in json.load(open(path))]
    items = []
    for i in range(count):
        seed = CORPUS_SEED_BASE + i
        program = sample_program(seed)
        caption, order = caption_program(program, seed)
        items.append((caption, targets(program, order)))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    json.dump([(c, t.tolist()) for c, t in items], open(path, "w"))
    return items
