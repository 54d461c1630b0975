"""Canonical layouts: where a caption puts each object, as the text says it (no sampling jitter).

The text encoder learns to predict these (start xy, end xy per mentioned object) from the caption;
the DiT is grounded on layouts (GLIGEN / LLM-grounded video diffusion style) and trained on the
scenes' actual positions, so at inference it draws what the predicted canonical layout says.
"""
from .scene import MIN_GAP, _min_distance
from .vocab import ANCHORS

# Two objects in a relation: the first one's and the other one's centre.
REL_POS = {"above": ((0.5, 0.3), (0.5, 0.7)), "below": ((0.5, 0.7), (0.5, 0.3)),
           "to the left of": ((0.3, 0.5), (0.7, 0.5)), "to the right of": ((0.7, 0.5), (0.3, 0.5))}
SEPARATE_X = (0.3, 0.7)  # two vertical paths that would collide ("falls" and "rises") are split


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
    if len(paths) != 2 or any(p[0][0] != p[1][0] for p in paths):
        return False
    return _min_distance(*({"start": p[0], "end": p[1]} for p in paths)) < MIN_GAP


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
