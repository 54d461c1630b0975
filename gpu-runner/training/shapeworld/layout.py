"""Canonical layouts: where a caption puts each object, as the text says it (no sampling jitter).

The text encoder learns to predict these (start xy, end xy per mentioned object) from the caption;
the DiT is grounded on layouts (GLIGEN / LLM-grounded video diffusion style) and trained on the
scenes' actual positions, so at inference it draws what the predicted canonical layout says.
"""
from .scene import MIN_GAP, NUM_FRAMES
from .vocab import ANCHORS

import numpy as np

# Two objects in a relation: the first one's and the other one's centre.
REL_POS = {"above": ((0.5, 0.3), (0.5, 0.7)), "below": ((0.5, 0.7), (0.5, 0.3)),
           "to the left of": ((0.3, 0.5), (0.7, 0.5)), "to the right of": ((0.7, 0.5), (0.3, 0.5))}
SEPARATE_X = (0.3, 0.7)  # two vertical paths that would collide ("falls" and "rises") are split


def _min_distance(a, b):
    t = np.linspace(0, 1, NUM_FRAMES)[:, None]
    pa = np.array(a[0]) * (1 - t) + np.array(a[1]) * t
    pb = np.array(b[0]) * (1 - t) + np.array(b[1]) * t
    return float(np.min(np.linalg.norm(pa - pb, axis=1)))


def _place_paths(scene):
    paths = [None] * len(scene["objects"])
    for c in scene["clauses"]:
        if c["kind"] == "motion":
            paths[c["obj"]] = [list(ANCHORS[c["from"]][0]), list(ANCHORS[c["to"]][0])]
        elif c["kind"] == "stationary":
            p = list(ANCHORS[c["at"]][0])
            paths[c["obj"]] = [p, list(p)]
        else:
            a, b = REL_POS[c["relation"]]
            paths[c["obj"]], paths[c["other"]] = [list(a), list(a)], [list(b), list(b)]
    return paths


def _collide(paths):
    """Two vertical paths at the same x that come closer than the scenes allow."""
    return len(paths) == 2 and _min_distance(*paths) < MIN_GAP and all(p[0][0] == p[1][0] for p in paths)


def separated(scene):
    """Whether the canonical layout had to split two colliding vertical paths."""
    return _collide(_place_paths(scene))


def canonical_layout(scene, order=None):
    """[(start_xy, end_xy)] per scene object (scene order), from its clauses' places only.

    `order` (object indices in mention order) decides which of two colliding vertical paths goes
    left: the first mentioned, so the layout follows from the caption alone."""
    paths = _place_paths(scene)
    if _collide(paths):
        for i, x in zip(order or range(len(paths)), SEPARATE_X):
            paths[i][0][0] = paths[i][1][0] = x
    return paths
