"""World v2 (DESIGN.md "Version 2 of the world", WORLD-V2.md): scene programs, their layouts, sampling.

A scene is a list of *things* (a single object or a group), each a small program:

    {"color", "shape", "count": 1-5, "formation": None | "row" | "column" | "circle",
     "path": "still" | "line" | "orbit" | "back_forth", "start": CODE, "end": CODE}

CODE is a place (vocab.PLACES) or one of the layout codes below ("between-left", "between-mid",
"between-right", "mid"). `layout(things, u, width, height, frames)` turns programs plus uniform
noise u [len(things), NOISE_PER_THING] into objects and their centres per frame. The same function
(mirrored in torch inside model 3.0's transformer graph) draws the ground truth here and the
model's layout at inference, so a different seed gives a different, still valid, scene.
"""
import numpy as np

from .vocab import COLOR_NAMES, PLACES, SHAPES

FORMATS = [(64, 64), (128, 128), (256, 256), (256, 144)]  # (width, height)
FRAME_COUNTS = [8, 16, 24, 32]
FORMATIONS = ["row", "column", "circle"]
PATHS = ["still", "line", "orbit", "back_forth"]
EXTRA_CODES = ["between-left", "between-mid", "between-right", "mid"]
CODES = list(PLACES) + EXTRA_CODES
NOISE_PER_THING = 8  # u[2], u[3] unused (a path's ends share u[0], u[1])
MAX_THINGS = 4
MAX_OBJECTS = 6
MAX_GROUP = 5

# Box (x range, y range) a thing's centre is drawn from for each code, x by width, y by height.
BOXES = {
    "left": ((0.16, 0.30), (0.26, 0.74)), "right": ((0.70, 0.84), (0.26, 0.74)),
    "top": ((0.26, 0.74), (0.16, 0.30)), "bottom": ((0.26, 0.74), (0.70, 0.84)),
    "center": ((0.45, 0.55), (0.45, 0.55)),
    "top-left": ((0.16, 0.30), (0.16, 0.30)), "top-right": ((0.70, 0.84), (0.16, 0.30)),
    "bottom-left": ((0.16, 0.30), (0.70, 0.84)), "bottom-right": ((0.70, 0.84), (0.70, 0.84)),
    "left edge": ((0.13, 0.18), (0.36, 0.64)), "right edge": ((0.82, 0.87), (0.36, 0.64)),
    "top edge": ((0.36, 0.64), (0.13, 0.18)), "bottom edge": ((0.36, 0.64), (0.82, 0.87)),
    "between-left": ((0.13, 0.22), (0.46, 0.54)), "between-mid": ((0.45, 0.55), (0.46, 0.54)),
    "between-right": ((0.78, 0.87), (0.46, 0.54)), "mid": ((0.48, 0.52), (0.48, 0.52)),
}
BOX_TABLE = np.array([[*BOXES[c][0], *BOXES[c][1]] for c in CODES], np.float32)  # [codes, 4]

ORBIT_RADIUS = (0.29, 0.34)   # shorter-side units
ORBIT_JITTER = 0.12           # radians either way around the start place's angle
CIRCLE_RADIUS = (0.27, 0.33)
SPACING = (1.6, 1.9)          # row / column spacing in object sizes
MAX_SPAN = 0.8                # a row's centre-to-centre span, in units of its axis's extent
MIN_SPACING = 1.35            # in object sizes, when MAX_SPAN caps it
ROW_SLACK = 0.1               # how far a row's centre may move along its own axis


def object_size(total: int) -> float:
    """Fraction of the shorter side: 1/5 with one or two objects, 1/7 with three to six."""
    return 0.2 if total <= 2 else 1.0 / 7.0


def _lerp(lo_hi, u):
    lo, hi = lo_hi
    return lo + (hi - lo) * u


def _box_point(code, ux, uy):
    (x0, x1), (y0, y1) = BOXES[code]
    return np.array([x0 + (x1 - x0) * ux, y0 + (y1 - y0) * uy])


def _offsets(thing, u, s, ax, ay):
    """Member offsets [n, 2] (x by width, y by height) around the thing's centre.

    ax = width / shorter side, ay = height / shorter side (1 on a square canvas)."""
    n, formation = thing["count"], thing["formation"]
    if n == 1:
        return np.zeros((1, 2))
    if formation == "circle":
        r = _lerp(CIRCLE_RADIUS, u[6])
        a = u[7] * 2 * np.pi / n + 2 * np.pi * np.arange(n) / n
        return np.stack([r * np.cos(a) / ax, r * np.sin(a) / ay], -1)
    axis = 1 if formation == "column" else 0  # a group without a formation stands in a row
    extent = ay if axis == 1 else ax
    sp = min(_lerp(SPACING, u[4]) * s, max(MIN_SPACING * s, MAX_SPAN * extent / (n - 1)))
    along = (np.arange(n) - (n - 1) / 2) * sp / extent
    out = np.zeros((n, 2))
    out[:, axis] = along
    return out


def _centre_path(thing, u, s, ax, ay, frames):
    """The thing's centre per frame [F, 2]."""
    t = np.arange(frames) / max(frames - 1, 1)
    path = thing["path"]
    if path == "orbit":
        r = _lerp(ORBIT_RADIUS, u[6])
        sx, sy = _box_centre(thing["start"])
        # the start place's direction with each axis scaled by the square root of its extent: a corner
        # start stays inside its corner's region on 16:9 too (45 degrees on a square canvas)
        a0 = np.arctan2((sy - 0.5) * np.sqrt(ay), (sx - 0.5) * np.sqrt(ax)) + (u[7] - 0.5) * 2 * ORBIT_JITTER
        a = a0 + 2 * np.pi * np.arange(frames) / frames
        return np.stack([0.5 + r * np.cos(a) / ax, 0.5 + r * np.sin(a) / ay], -1)
    # both ends at the same relative spot of their boxes: a fall stays vertical, a slide horizontal,
    # so two movers side by side stay apart
    start = _box_point(thing["start"], u[0], u[1])
    end = _box_point(thing["end"], u[0], u[1])
    if thing["count"] > 1 and thing["formation"] != "circle":
        # a row keeps its x (a column its y) on the move, and may shift along its own axis
        axis = 1 if thing["formation"] == "column" else 0
        extent = ay if axis == 1 else ax
        half_span = (thing["count"] - 1) / 2 * min(_lerp(SPACING, u[4]) * s,
                                                  max(MIN_SPACING * s, MAX_SPAN * extent / (thing["count"] - 1))) / extent
        margin = (0.55 * s + 0.04) / extent
        slack = min(ROW_SLACK, max(0.0, 0.5 - margin - half_span))
        c = 0.5 + (u[5] - 0.5) * 2 * slack
        start[axis] = end[axis] = c
    if path == "still":
        return np.repeat(start[None], frames, 0)
    if path == "line":
        return start[None] * (1 - t[:, None]) + end[None] * t[:, None]
    if path == "back_forth":
        # there and back, at b in the middle frame(s): with an even frame count both middle frames
        k = np.minimum(1.0, (1 - np.abs(2 * t - 1)) * (frames - 1) / max(frames - 2, 1))
        return start[None] * (1 - k[:, None]) + end[None] * k[:, None]
    raise ValueError(f"unknown path {path!r}")


def _box_centre(code):
    (x0, x1), (y0, y1) = BOXES[code]
    return (x0 + x1) / 2, (y0 + y1) / 2


def layout(things, u, width=64, height=64, frames=16):
    """Objects [{color, shape, size}] and centres [N][F, 2] for scene programs and noise u."""
    short = min(width, height)
    ax, ay = width / short, height / short
    total = sum(t["count"] for t in things)
    s = object_size(total)
    objects, centres = [], []
    for thing, ut in zip(things, u):
        path = _centre_path(thing, ut, s, ax, ay, frames)
        for off in _offsets(thing, ut, s, ax, ay):
            objects.append({"color": thing["color"], "shape": thing["shape"], "size": s})
            centres.append(path + off[None])
    return objects, centres


def min_gap(objects, centres, width, height):
    """Smallest centre distance between two objects in any frame, in units of their size."""
    if len(centres) < 2:
        return np.inf
    short = min(width, height)
    pts = np.stack(centres) * np.array([width / short, height / short])  # [N, F, 2] shorter-side units
    d = np.linalg.norm(pts[:, None] - pts[None], axis=-1).min(-1)       # [N, N]
    d[np.arange(len(pts)), np.arange(len(pts))] = np.inf
    return float(d.min()) / objects[0]["size"]


def inside(objects, centres, width, height):
    """Every object stays inside the canvas (its bounding radius) in every frame."""
    short = min(width, height)
    for o, c in zip(objects, centres):
        rx, ry = 0.56 * o["size"] * short / width, 0.56 * o["size"] * short / height
        if (c[:, 0] < rx).any() or (c[:, 0] > 1 - rx).any() or (c[:, 1] < ry).any() or (c[:, 1] > 1 - ry).any():
            return False
    return True


MIN_GAP_SIZES = 1.3  # objects at least 1.3 sizes apart centre to centre: they never touch
CANDIDATES = 16      # layouts drawn per scene; the one keeping objects furthest apart is used


def choose(things, u_candidates, width, height, frames):
    """Index of the candidate noise [K, things, NOISE_PER_THING] whose layout keeps objects furthest
    apart (ties: the first). The model's graph makes the same choice from its `layout_noise`."""
    scores = []
    for u in u_candidates:
        objects, centres = layout(things, u, width, height, frames)
        scores.append(min_gap(objects, centres, width, height))
    return int(np.argmax(scores))


def draw_layout(things, rng, width, height, frames):
    """Objects and centres of the best of CANDIDATES random layouts (what ground truth uses)."""
    u = rng.random((CANDIDATES, len(things), NOISE_PER_THING))
    best = u[choose(things, u, width, height, frames)]
    return layout(things, best, width, height, frames)


def feasible(things, rng, checks=4):
    """Whether, in `checks` random formats, the chosen layout keeps objects apart and inside."""
    for _ in range(checks):
        width, height = FORMATS[rng.integers(len(FORMATS))]
        frames = int(rng.choice(FRAME_COUNTS))
        objects, centres = draw_layout(things, rng, width, height, frames)
        if not inside(objects, centres, width, height) or min_gap(objects, centres, width, height) < MIN_GAP_SIZES:
            return False
    return True


# --- Sampling scene programs -------------------------------------------------------------------

Y_PLACES = ["top", "bottom", "center", "top edge", "bottom edge"]
X_PLACES = ["left", "right", "center", "left edge", "right edge"]
ORBIT_STARTS = ["top", "bottom", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right"]
FAR = 0.3  # a motion's two places are at least this far apart (box centres)

SCENE_KINDS = [
    ("single", 0.12), ("pair", 0.22), ("relation", 0.08),
    ("group", 0.13), ("group+single", 0.12), ("circle+middle", 0.06),
    ("between", 0.07), ("orbit", 0.08), ("back_forth", 0.08), ("triple", 0.04),
]


def _thing(color, shape, count=1, formation=None, path="still", start="center", end=None):
    return {"color": str(color), "shape": str(shape), "count": int(count), "formation": formation,
            "path": path, "start": start, "end": end if end is not None else start}


def _far(a, b):
    (ax, ay), (bx, by) = _box_centre(a), _box_centre(b)
    return np.hypot(ax - bx, ay - by) >= FAR


def _single_motion(rng, color, shape):
    """A single's clause: moving between places, falling/rising, or staying put."""
    r = rng.random()
    if r < 0.45:
        while True:
            a, b = (str(p) for p in rng.choice(PLACES, 2, replace=False))
            if _far(a, b):
                return _thing(color, shape, path="line", start=a, end=b)
    if r < 0.6:
        a, b = ("top", "bottom") if rng.random() < 0.5 else ("bottom", "top")
        return _thing(color, shape, path="line", start=a, end=b)
    return _thing(color, shape, path="still", start=str(rng.choice(PLACES)))


def _group(rng, color, shape, max_count):
    n = int(rng.integers(2, max_count + 1))
    formation = str(rng.choice(["row", "column", "circle", "row", "column", None], p=[0.3, 0.3, 0.25, 0, 0, 0.15]))
    formation = None if formation == "None" else formation
    if formation == "circle" and n < 3:
        formation = "row"
    if formation == "circle":
        return _thing(color, shape, n, "circle", "still", "mid")
    places = X_PLACES if formation == "column" else Y_PLACES
    if rng.random() < 0.35:
        while True:
            a, b = (str(p) for p in rng.choice(places, 2, replace=False))
            if _far(a, b):
                return _thing(color, shape, n, formation, "line", a, b)
    return _thing(color, shape, n, formation, "still", str(rng.choice(places)))


def _sample_things(rng, kind):
    colors = [str(c) for c in rng.choice(COLOR_NAMES, 4, replace=False)]
    shape = lambda: str(rng.choice(SHAPES))
    if kind == "single":
        return [_single_motion(rng, colors[0], shape())], None
    if kind == "pair":
        return [_single_motion(rng, colors[0], shape()), _single_motion(rng, colors[1], shape())], None
    if kind == "relation":
        rel = str(rng.choice(["above", "below", "to the left of", "to the right of"]))
        a, b = {"above": ("top", "bottom"), "below": ("bottom", "top"),
                "to the left of": ("left", "right"), "to the right of": ("right", "left")}[rel]
        return [_thing(colors[0], shape(), start=a), _thing(colors[1], shape(), start=b)], rel
    if kind == "group":
        return [_group(rng, colors[0], shape(), MAX_GROUP)], None
    if kind == "group+single":
        g = _group(rng, colors[0], shape(), MAX_GROUP)
        return ([g, _single_motion(rng, colors[1], shape())] if rng.random() < 0.6
                else [_single_motion(rng, colors[1], shape()), g]), None
    if kind == "circle+middle":
        n = int(rng.integers(3, 6))
        return [_thing(colors[0], shape(), start="mid"), _thing(colors[1], shape(), n, "circle", "still", "mid")], None
    if kind == "between":
        return [_thing(colors[0], shape(), start="between-mid"), _thing(colors[1], shape(), start="between-left"),
                _thing(colors[2], shape(), start="between-right")], "between"
    if kind == "orbit":
        things = [_thing(colors[0], shape(), path="orbit", start=str(rng.choice(ORBIT_STARTS)))]
        if rng.random() < 0.5:
            things.append(_thing(colors[1], shape(), start="center"))
        return things, None
    if kind == "back_forth":
        while True:
            a, b = (str(p) for p in rng.choice(PLACES, 2, replace=False))
            if _far(a, b) and a != "center":
                break
        things = [_thing(colors[0], shape(), path="back_forth", start=a, end=b)]
        if rng.random() < 0.5:
            things.append(_single_motion(rng, colors[1], shape()))
        return things, None
    if kind == "triple":
        return [_single_motion(rng, c, shape()) for c in colors[:3]], None
    raise ValueError(kind)


def sample_program(seed: int):
    """A feasible scene program: (things, extra) where extra is a relation name, "between" or None."""
    rng = np.random.default_rng(seed)
    names, weights = zip(*SCENE_KINDS)
    kind = str(rng.choice(names, p=np.array(weights) / sum(weights)))
    while True:
        things, extra = _sample_things(rng, kind)
        if sum(t["count"] for t in things) <= MAX_OBJECTS and feasible(things, rng):
            return {"seed": int(seed), "kind": kind, "things": things, "extra": extra}


def spec_of(program, order=None):
    """The scene spec (WORLD-V2.md) a program's caption asks for; `order` = thing indices in
    mention order (default: program order)."""
    things = program["things"]
    order = list(order if order is not None else range(len(things)))
    objects, own, tail = [], [], []
    for i in order:
        t = things[i]
        obj = {"color": t["color"], "shape": t["shape"]}
        if t["count"] > 1:
            obj["count"] = t["count"]
            obj["formation"] = t["formation"]
        objects.append(obj)
    for i in order:
        t = things[i]
        cl = [{"kind": "shape", "color": t["color"], "shape": t["shape"]}]
        if t["count"] > 1 and t["formation"]:
            cl.append({"kind": "formation", "color": t["color"], "formation": t["formation"]})
        # a circle is centred by definition: its caption names no place (at null) unless it
        # surrounds something "in the middle"
        at = ("center" if program["kind"] == "circle+middle" else None) if t["formation"] == "circle" \
            else "center" if t["start"] == "mid" else t["start"]
        if program["extra"] == "between" or program["extra"] in ("above", "below", "to the left of", "to the right of"):
            pass  # relation members carry the relation only
        elif t["path"] == "line":
            cl.append({"kind": "motion", "color": t["color"], "from": t["start"], "to": t["end"]})
        elif t["path"] == "orbit":
            cl.append({"kind": "orbit", "color": t["color"], "start": t["start"]})
        elif t["path"] == "back_forth":
            cl.append({"kind": "back_and_forth", "color": t["color"], "a": t["start"], "b": t["end"]})
        else:
            cl.append({"kind": "stationary", "color": t["color"], "at": at})
        own.append(cl)
    extra = program["extra"]
    if extra == "between":
        tail.append({"kind": "between", "color": things[0]["color"], "a": things[1]["color"], "b": things[2]["color"]})
    elif extra:
        a, b = order[0], order[1]
        rel = extra if a == 0 else {"above": "below", "below": "above", "to the left of": "to the right of",
                                    "to the right of": "to the left of"}[extra]
        tail.append({"kind": "relation", "color": things[a]["color"], "relation": rel, "other": things[b]["color"]})
    clauses = [{"kind": "presence"}] + [c for cl in own for c in cl] + tail
    return {"objects": objects, "clauses": clauses}
