"""Caption corpus + parse targets from the scene generator (mention-ordered objects)."""
import numpy as np

from shapeworld.captions import caption_scene
from shapeworld.layout import canonical_layout
from shapeworld.scene import sample_scene
from shapeworld.vocab import COLOR_NAMES, SHAPES


def parse_targets(scene, order):
    """colour idx, shape idx [2]; canonical start/end xy [2, 4]; 0 = no object."""
    colors, shapes, xy = np.zeros(2, np.int64), np.zeros(2, np.int64), np.zeros((2, 4), np.float32)
    layout = canonical_layout(scene, order)
    for slot, i in enumerate(order[:2]):
        o = scene["objects"][i]
        colors[slot] = 1 + COLOR_NAMES.index(o["color"])
        shapes[slot] = 1 + SHAPES.index(o["shape"])
        xy[slot] = layout[i][0] + layout[i][1]
    return colors, shapes, xy


def build_corpus(seeds, captions_per_scene=1, caption_seed_offset=0):
    """Returns list of (caption, colors, shapes, xy)."""
    out = []
    for s in seeds:
        scene = sample_scene(int(s))
        for k in range(captions_per_scene):
            cap, order = caption_scene(scene, int(s) * 7919 + k + caption_seed_offset)
            out.append((cap,) + parse_targets(scene, order))
    return out
