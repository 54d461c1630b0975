"""Clause checks on read-back blobs (WORLD-V2.md's table; twin: src/rules.ts) and the suite format.

Clauses see a clip through reader.SceneRead: each colour's objects per frame and each named
thing's position (a single's largest object, a group's mean when all its members are read). Rules on
normalised positions live here; those in shorter-side units (formation, between, orbit) in
geometry_rules.py.

`check_entry(reads, entry)` gives one bool per clause; `explain_entry` adds a reason a person can
act on ("yellow: 4 objects instead of 5 in 16/16 frames").
"""
import math

from .geometry_rules import at, between, formation, mean, orbit
from .reader import SceneRead
from .vocab import in_region

PRESENCE_FRAC = 0.9      # frames in which every count, every area and nothing unnamed must hold
AREA_MAX = 2.5           # an object's area at most this multiple of the expected
DRIFT = 0.08             # stationary: largest distance from the first read position
MARGIN = 0.1             # relation: margin on the axis ...
RELATION_FRAC = 0.8      # ... in this fraction of the frames
MONO_TOL = 0.03          # motion: backward step along the path still counted as progress
SPEARMAN_MIN = 0.8       # motion: rank correlation of progress with time
MIDDLE = (0.35, 0.65)    # back_and_forth: where in the clip (fraction of F - 1) `b` must be reached


# --- presence and shape -----------------------------------------------------------------------------

def presence(sr):
    issues, good = {}, 0  # (colour, kind, detail) -> frames
    for f in range(sr.n):
        found = []
        for color, thing in sr.named.items():
            objs, count = sr.members(f, color), thing.get("count", 1)
            if len(objs) != count:
                found.append((color, "count", f"{len(objs)} objects instead of {count}"))
            big = max((b["area"] / sr.expected(f, color) for b in objs), default=0.0)
            if big > AREA_MAX:
                found.append((color, "area", f"an object {big:.1f}x the expected area (at most {AREA_MAX}x)"))
        found += [(c, "unnamed", "an unnamed object") for c in sr.frames[f] if c not in sr.named]
        good += not found
        for key in found:
            issues.setdefault(key[:2], []).append(key[2])
    if sr.n and good >= PRESENCE_FRAC * sr.n:
        return True, f"objects as named in {good}/{sr.n} frames"
    details = [f"{c}: {texts[0]} in {len(texts)}/{sr.n} frames" for (c, _), texts in issues.items()]
    return False, f"objects as named in {good}/{sr.n} frames, needs >= 90 %: " + "; ".join(details or ["no frames"])


def shape(sr, color, want):
    """Majority over frames and members (a single: its tracked object); a tie is no majority."""
    votes = {}
    for f in range(sr.n):
        objs = sr.members(f, color)
        for b in objs[:1] if sr.count(color) == 1 else objs:
            votes[b["shape"]] = votes.get(b["shape"], 0) + 1
    if not votes:
        return False, f"{color} never read"
    best = max(votes.values())
    leaders = sorted(s for s, v in votes.items() if v == best)
    tally = ", ".join(f"{s} {v}" for s, v in sorted(votes.items()))
    if len(leaders) > 1:
        return False, f"{color} reads as no single shape: {tally}"
    ok = leaders[0] == want
    return ok, f"{color} reads as {leaders[0]} ({tally})" + ("" if ok else f", expected {want}")


# --- positions in normalised units ------------------------------------------------------------------

def _spearman(xs, ys):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    a, b = ranks(xs), ranks(ys)
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((p - ma) * (q - mb) for p, q in zip(a, b))
    var = math.sqrt(sum((p - ma) * (p - ma) for p in a) * sum((q - mb) * (q - mb) for q in b))
    return cov / var if var > 0 else float("nan")


def motion(sr, color, start, end):
    track = sr.track(color)
    first, last = track[0] if track else None, track[-1] if track else None
    if first is None or last is None:
        return False, f"{color} not read in the {'last' if first else 'first'} frame"
    problems = []
    if not in_region(start, *first):
        problems.append(f"starts at {at(first)}, not in {start}")
    if not in_region(end, *last):
        problems.append(f"ends at {at(last)}, not in {end}")
    length = max(math.hypot(last[0] - first[0], last[1] - first[1]), 1e-6)
    dx, dy = (last[0] - first[0]) / length, (last[1] - first[1]) / length
    times, progress, best, back = [], [], -math.inf, None
    for f, p in enumerate(track):
        if p is None:
            continue
        s = (p[0] - first[0]) * dx + (p[1] - first[1]) * dy
        if s < best - MONO_TOL and not back:
            back = f"moves back along the path at frame {f} ({s:.2f} after {best:.2f})"
            problems.append(back)
        best = max(best, s)
        times.append(f)
        progress.append(s)
    rho = _spearman(times, progress) if len(times) > 1 else float("nan")
    if not rho >= SPEARMAN_MIN:
        problems.append(f"progress follows time with Spearman {rho:.2f}, needs >= {SPEARMAN_MIN}")
    if problems:
        return False, f"{color}: " + "; ".join(problems)
    return True, f"{color} moves {at(first)} -> {at(last)}, {start} -> {end}, monotone"


def stationary(sr, color, place):
    pts = [p for p in sr.track(color) if p is not None]
    if not pts:
        return False, f"{color} never read"
    drift = max(math.hypot(p[0] - pts[0][0], p[1] - pts[0][1]) for p in pts)
    middle = mean(pts)
    problems = []
    if drift > DRIFT:
        problems.append(f"drifts {drift:.2f}, allowed {DRIFT}")
    if place is not None and not in_region(place, *middle):
        problems.append(f"sits at {at(middle)}, not in {place}")
    if problems:
        return False, f"{color}: " + "; ".join(problems)
    return True, f"{color} stays at {at(middle)}{f' in {place}' if place else ''}, drift {drift:.2f}"


_MARGINS = {
    "above": lambda a, b: b[1] - a[1], "below": lambda a, b: a[1] - b[1],
    "to the left of": lambda a, b: b[0] - a[0], "to the right of": lambda a, b: a[0] - b[0],
}


def relation(sr, color, rel, other):
    holds = sum(a is not None and b is not None and _MARGINS[rel](a, b) >= MARGIN
                for a, b in zip(sr.track(color), sr.track(other)))
    reason = f"{color} {rel} {other} by >= {MARGIN} in {holds}/{sr.n} frames"
    ok = sr.n > 0 and holds >= RELATION_FRAC * sr.n
    return ok, reason if ok else f"{reason}, needs >= 80 %"


def back_and_forth(sr, color, a, b):
    track = sr.track(color)
    last_f = sr.n - 1
    problems = []
    for name, p in (("first", track[0] if track else None), ("last", track[-1] if track else None)):
        if p is None:
            problems.append(f"not read in the {name} frame")
        elif not in_region(a, *p):
            problems.append(f"at {at(p)} in the {name} frame, not in {a}")
    middle = [f for f in range(sr.n) if MIDDLE[0] * last_f <= f <= MIDDLE[1] * last_f]
    if not any(track[f] is not None and in_region(b, *track[f]) for f in middle):
        seen = [at(track[f]) for f in middle if track[f] is not None]
        problems.append(f"never in {b} in frames {middle[0] if middle else '-'}-{middle[-1] if middle else '-'}"
                        f" (at {', '.join(seen) or 'nowhere read'})")
    if problems:
        return False, f"{color}: " + "; ".join(problems)
    return True, f"{color} goes {a} -> {b} -> {a}"


# --- entries ----------------------------------------------------------------------------------------

def _explain(sr, clause):
    kind, c = clause["kind"], clause.get("color")
    if kind == "presence":
        return presence(sr)
    if kind == "shape":
        return shape(sr, c, clause["shape"])
    if kind == "motion":
        return motion(sr, c, clause["from"], clause["to"])
    if kind == "stationary":
        return stationary(sr, c, clause.get("at"))
    if kind == "relation":
        return relation(sr, c, clause["relation"], clause["other"])
    if kind == "formation":
        return formation(sr, c, clause["formation"])
    if kind == "between":
        return between(sr, c, clause["a"], clause["b"])
    if kind == "orbit":
        return orbit(sr, c, clause["start"])
    if kind == "back_and_forth":
        return back_and_forth(sr, c, clause["a"], clause["b"])
    raise ValueError(f"unknown clause kind {kind!r}")


def explain_clause(reads, objects, clause):
    """(pass, reason) of one clause on frame reads (reader.read_video) for a scene's objects."""
    return _explain(SceneRead(reads, objects), clause)


def check_clause(reads, objects, clause):
    return explain_clause(reads, objects, clause)[0]


def explain_entry(reads, entry):
    """Every clause of a suite entry on frame reads, in the entry's order: [(pass, reason)]."""
    sr = SceneRead(reads, entry["objects"])
    return [(bool(ok), reason) for ok, reason in (_explain(sr, c) for c in entry["clauses"])]


def check_entry(reads, entry):
    """Every clause of a suite entry checked on frame reads, in the entry's order: [bool]."""
    return [ok for ok, _ in explain_entry(reads, entry)]


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
