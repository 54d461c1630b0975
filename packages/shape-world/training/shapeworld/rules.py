"""Clause checks on read-back objects (DESIGN.md rules) and the suite clause format.

Suite clause kinds (entries of suites.py, written to the shape-world package's suites/v1-*.json):
  {"kind": "presence"}                                        every named object visible in >= 90 % of
                                                              frames; no other colour blob in any frame
  {"kind": "shape", "color": c, "shape": s}                   majority shape over visible frames
  {"kind": "motion", "color": c, "from": A, "to": B}          region A at frame 0, B at the last frame,
                                                              progress monotone (tolerance MONO_TOL)
  {"kind": "stationary", "color": c, "at": A | null}          drift <= 0.08 from frame 0; mean centroid in A
  {"kind": "relation", "color": c, "relation": r, "other": c2} margin >= 0.1 on the axis in >= 80 % of frames
"""
import numpy as np

from .vocab import COLOR_NAMES, in_region

PRESENCE_FRAC = 0.9
UNNAMED_FRAC = 0.0  # no unnamed object in any frame
DRIFT = 0.08
MARGIN = 0.1
RELATION_FRAC = 0.8
MONO_TOL = 0.03


def _track(reads, color):
    return [r.get(color) for r in reads]


def check_presence(reads, objects):
    n = len(reads)
    named = {o["color"] for o in objects}
    for c in named:
        if sum(r.get(c) is not None for r in reads) < PRESENCE_FRAC * n:
            return False
    for c in COLOR_NAMES:
        if c not in named and sum(r.get(c) is not None for r in reads) > UNNAMED_FRAC * n:
            return False
    return True


def check_shape(reads, color, shape):
    """The shape read in most visible frames must be `shape`; a tie is no majority and fails, as in
    the TypeScript evaluator (max over a set would pick by string-hash order, which changes from one
    process to the next)."""
    votes = [o["shape"] for o in _track(reads, color) if o is not None]
    best = max((votes.count(s) for s in set(votes)), default=0)
    return votes.count(shape) == best > 0 and sum(votes.count(s) == best for s in set(votes)) == 1


def check_motion(reads, color, start, end):
    track = _track(reads, color)
    if track[0] is None or track[-1] is None:
        return False
    p0 = np.array([track[0]["x"], track[0]["y"]])
    p1 = np.array([track[-1]["x"], track[-1]["y"]])
    if not (in_region(start, *p0) and in_region(end, *p1)):
        return False
    direction = (p1 - p0) / max(np.linalg.norm(p1 - p0), 1e-6)
    best = -np.inf
    for o in track:
        if o is None:
            continue
        s = float(np.dot(np.array([o["x"], o["y"]]) - p0, direction))
        if s < best - MONO_TOL:
            return False
        best = max(best, s)
    return True


def check_stationary(reads, color, at):
    pts = [np.array([o["x"], o["y"]]) for o in _track(reads, color) if o is not None]
    if not pts:
        return False
    if max(np.linalg.norm(p - pts[0]) for p in pts) > DRIFT:
        return False
    return at is None or in_region(at, *np.mean(pts, axis=0))


def check_relation(reads, color, relation, other):
    ok = 0
    for r in reads:
        a, b = r.get(color), r.get(other)
        if a is None or b is None:
            continue
        margin = {
            "above": b["y"] - a["y"], "below": a["y"] - b["y"],
            "to the left of": b["x"] - a["x"], "to the right of": a["x"] - b["x"],
        }[relation]
        ok += margin >= MARGIN
    return ok >= RELATION_FRAC * len(reads)


def check_clause(reads, objects, clause):
    kind = clause["kind"]
    if kind == "presence":
        return check_presence(reads, objects)
    if kind == "shape":
        return check_shape(reads, clause["color"], clause["shape"])
    if kind == "motion":
        return check_motion(reads, clause["color"], clause["from"], clause["to"])
    if kind == "stationary":
        return check_stationary(reads, clause["color"], clause.get("at"))
    if kind == "relation":
        return check_relation(reads, clause["color"], clause["relation"], clause["other"])
    raise ValueError(f"unknown clause kind {kind!r}")


def check_entry(reads, entry):
    """Every clause of a suite entry checked on read frames, in the entry's order: [bool]."""
    return [bool(check_clause(reads, entry["objects"], c)) for c in entry["clauses"]]


def suite_entry(scene, prompt):
    """Convert a generated scene + its caption into a suite entry {prompt, objects, clauses}."""
    objs = scene["objects"]
    clauses = [{"kind": "presence"}]
    clauses += [{"kind": "shape", "color": o["color"], "shape": o["shape"]} for o in objs]
    for c in scene["clauses"]:
        color = objs[c["obj"]]["color"]
        if c["kind"] == "motion":
            clauses.append({"kind": "motion", "color": color, "from": c["from"], "to": c["to"]})
        elif c["kind"] == "stationary":
            clauses.append({"kind": "stationary", "color": color, "at": c["at"]})
        else:
            clauses.append({"kind": "relation", "color": color, "relation": c["relation"],
                            "other": objs[c["other"]]["color"]})
    return {"prompt": prompt, "objects": [{"color": o["color"], "shape": o["shape"]} for o in objs],
            "clauses": clauses}
