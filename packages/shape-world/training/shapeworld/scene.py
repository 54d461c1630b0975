"""Deterministic scene sampling: 1-2 objects, places, motions and relations (DESIGN.md)."""
import numpy as np

from .vocab import ANCHORS, COLOR_NAMES, MOTION_VERBS, OBJECT_SIZE, PLACES, RELATIONS, SHAPES, STATIONARY_VERBS

NUM_FRAMES = 16
MIN_GAP = 0.26  # minimum centre distance between two objects in every frame

SCENE_KINDS = [
    ("move", 0.18), ("fall_rise", 0.07), ("stay", 0.10),
    ("move+stay", 0.25), ("move+move", 0.12), ("stay+stay", 0.10), ("relation", 0.18),
]


def _place_point(rng, place, shared=None):
    (ax, ay), (jx, jy) = ANCHORS[place]
    ox = shared[0] if shared is not None and jx >= 0.1 else rng.uniform(-jx, jx)
    oy = shared[1] if shared is not None and jy >= 0.1 else rng.uniform(-jy, jy)
    return (ax + ox, ay + oy)


def _motion_path(rng, start_place, end_place):
    (sx, sy), _ = ANCHORS[start_place]
    (ex, ey), _ = ANCHORS[end_place]
    shared = (rng.uniform(-0.12, 0.12), rng.uniform(-0.12, 0.12))
    return _place_point(rng, start_place, shared), _place_point(rng, end_place, shared)


def _sample_move(rng):
    while True:
        a, b = rng.choice(PLACES, 2, replace=False)
        (ax, ay), _ = ANCHORS[a]
        (bx, by), _ = ANCHORS[b]
        if np.hypot(ax - bx, ay - by) >= 0.3:
            start, end = _motion_path(rng, a, b)
            clause = {"kind": "motion", "verb": str(rng.choice(MOTION_VERBS)), "from": str(a), "to": str(b)}
            return start, end, clause


def _sample_fall_rise(rng):
    x = rng.uniform(0.2, 0.8)
    top, bottom = (x, rng.uniform(0.16, 0.24)), (x, rng.uniform(0.76, 0.84))
    if rng.random() < 0.5:
        return top, bottom, {"kind": "motion", "verb": "falls", "from": "top", "to": "bottom"}
    return bottom, top, {"kind": "motion", "verb": "rises", "from": "bottom", "to": "top"}


def _sample_stay(rng):
    place = str(rng.choice(PLACES))
    p = _place_point(rng, place)
    return p, p, {"kind": "stationary", "verb": str(rng.choice(STATIONARY_VERBS)), "at": place}


def _sample_single(rng, kind):
    if kind == "move":
        return _sample_move(rng)
    if kind == "fall_rise":
        return _sample_fall_rise(rng)
    return _sample_stay(rng)


def _sample_relation(rng):
    relation = str(rng.choice(RELATIONS))
    gap = rng.uniform(0.32, 0.5)
    along = rng.uniform(0.3, 0.7)  # shared coordinate of the pair
    mid = rng.uniform(0.42, 0.58)
    lo, hi = mid - gap / 2, mid + gap / 2
    j = lambda: rng.uniform(-0.04, 0.04)
    if relation == "above":
        a, b = (along + j(), lo), (along + j(), hi)
    elif relation == "below":
        a, b = (along + j(), hi), (along + j(), lo)
    elif relation == "to the left of":
        a, b = (lo, along + j()), (hi, along + j())
    else:
        a, b = (hi, along + j()), (lo, along + j())
    return a, b, relation


def _min_distance(o1, o2):
    t = np.linspace(0, 1, NUM_FRAMES)[:, None]
    p1 = np.array(o1["start"]) * (1 - t) + np.array(o1["end"]) * t
    p2 = np.array(o2["start"]) * (1 - t) + np.array(o2["end"]) * t
    return float(np.min(np.linalg.norm(p1 - p2, axis=1)))


def _new_object(rng, color, start, end):
    return {
        "color": str(color), "shape": str(rng.choice(SHAPES)),
        "start": [float(start[0]), float(start[1])], "end": [float(end[0]), float(end[1])],
        "size": float(OBJECT_SIZE * rng.uniform(0.95, 1.05)),
    }


def sample_scene(seed: int) -> dict:
    """Sample one scene; the same seed always gives the same scene."""
    rng = np.random.default_rng(seed)
    names, weights = zip(*SCENE_KINDS)
    kind = str(rng.choice(names, p=np.array(weights) / sum(weights)))
    while True:
        colors = rng.choice(COLOR_NAMES, 2, replace=False)
        if kind == "relation":
            a, b, relation = _sample_relation(rng)
            objects = [_new_object(rng, colors[0], a, a), _new_object(rng, colors[1], b, b)]
            clauses = [{"kind": "relation", "obj": 0, "relation": relation, "other": 1}]
        else:
            parts = kind.split("+")
            objects, clauses = [], []
            for i, part in enumerate(parts):
                if part == "move" and len(parts) == 2 and rng.random() < 0.2:
                    part = "fall_rise"
                start, end, clause = _sample_single(rng, part)
                objects.append(_new_object(rng, colors[i], start, end))
                clauses.append(dict(clause, obj=i))
        if len(objects) == 1 or _min_distance(objects[0], objects[1]) >= MIN_GAP:
            return {"seed": int(seed), "kind": kind, "objects": objects, "clauses": clauses}


def positions(obj: dict, num_frames: int = NUM_FRAMES) -> np.ndarray:
    """Centre per frame, linear in time from start to end: [F, 2]."""
    t = np.linspace(0, 1, num_frames)[:, None]
    return np.array(obj["start"]) * (1 - t) + np.array(obj["end"]) * t
