"""Reads blobs back from frames by colour (WORLD-V2.md "Reading objects"; twin: src/read-frames.ts).

Each pixel takes the nearest palette colour (background included) if it lies within
COLOR_THRESHOLD, else none. A blob is a 4-connected component of one colour. The reader knows no
scene, so it keeps every blob that could be an object in some scene (MIN_BLOB_FRACTION of the
shorter side squared: 40 % of the smallest expected object, a triangle with six objects); SceneRead
(below) keeps, for the scene being judged, the blobs of at least 40 % of the expected area as its
objects and tracks each named thing; the rules (rules.py, geometry_rules.py) judge those.

A frame read is JSON: {"width": W, "height": H, "blobs": {colour: [blob, ...]}} with the blobs of a
colour largest first (equal areas in raster order of their first pixel) and colours without blobs
left out; a blob is {"x", "y", "area", "fill", "shape"}, (x, y) its centroid normalised by width
and height (pixel centres at (i + 0.5) / W).
"""
import math

import numpy as np
from scipy import ndimage

from .vocab import COLOR_NAMES, PALETTE

COLOR_THRESHOLD = 60.0  # max RGB distance to the nearest palette colour
OBJECT_AREA_MIN = 0.4   # an object's blob is at least this fraction of the expected area
SQUARE_FILL = 0.87      # bounding-box fill at or above which a blob reads as a square
BALL_FILL = 0.66        # ... as a ball; below it, a triangle
_PALETTE = np.array(PALETTE, dtype=np.float32)
_FOUR = ndimage.generate_binary_structure(2, 1)


def object_size(total):
    """An object's size as a fraction of the shorter side: 1/5 with one or two objects, 1/7 with more."""
    return 0.2 if total <= 2 else 1 / 7


def expected_area(shape, size, short):
    """Pixels an object of `shape` covers when drawn at `size` (fraction of the shorter side `short`)."""
    d = size * short
    if shape == "ball":
        r = 0.55 * d
        return math.pi * r * r
    if shape == "square":
        h = 0.9 * d
        return h * h
    if shape == "triangle":
        return 0.5 * (1.1 * d) * d
    raise ValueError(f"unknown shape {shape!r}")


# The smallest threshold of any scene, as a fraction of the shorter side squared.
MIN_BLOB_FRACTION = OBJECT_AREA_MIN * expected_area("triangle", 1 / 7, 1.0)


def classify_pixels(frame):
    """uint8 [H, W, 3] -> int [H, W]: palette index (0 background, 1..7 colours) or -1."""
    d = np.linalg.norm(frame[:, :, None, :].astype(np.float32) - _PALETTE[None, None], axis=-1)
    idx = d.argmin(-1)
    idx[d.min(-1) > COLOR_THRESHOLD] = -1
    return idx


def shape_from_fill(fill):
    if fill >= SQUARE_FILL:
        return "square"
    if fill >= BALL_FILL:
        return "ball"
    return "triangle"


def _blobs(mask, min_area, w, h):
    comp, n = ndimage.label(mask, structure=_FOUR)
    if n == 0:
        return []
    sizes = np.bincount(comp.ravel())[1:]
    keep = [k for k in range(n) if sizes[k] >= min_area]
    boxes = ndimage.find_objects(comp)
    out = []
    for k in keep:
        box = boxes[k]
        ys, xs = np.nonzero(comp[box] == k + 1)
        area = int(sizes[k])
        fill = area / float((box[0].stop - box[0].start) * (box[1].stop - box[1].start))
        out.append({
            # absolute pixel indices: their sums are exact, so the TypeScript twin's centroid is equal
            "x": ((xs + box[1].start).mean() + 0.5) / w, "y": ((ys + box[0].start).mean() + 0.5) / h,
            "area": area, "fill": fill, "shape": shape_from_fill(fill),
        })
    return sorted(out, key=lambda b: -b["area"])  # stable: ties stay in raster order (ndimage.label's)


def read_frame(frame):
    """uint8 [H, W, 3] -> frame read (module docstring): every blob that could be an object."""
    h, w = frame.shape[:2]
    labels = classify_pixels(frame)
    min_area = MIN_BLOB_FRACTION * min(w, h) * min(w, h)
    blobs = {}
    for k, name in enumerate(COLOR_NAMES, start=1):
        found = _blobs(labels == k, min_area, w, h)
        if found:
            blobs[name] = found
    return {"width": int(w), "height": int(h), "blobs": blobs}


def read_video(frames):
    """uint8 [F, H, W, 3] -> list (per frame) of frame reads."""
    return [read_frame(f) for f in frames]


class SceneRead:
    """The reads of one clip seen through one scene's objects (WORLD-V2.md "Reading objects").

    A scene's objects are its things, one per colour: a single (`count` 1) or a group (`count` 2-5).
    In each frame a colour's *objects* are its blobs of at least 40 % of the expected area of its
    shape (an unnamed colour: of a triangle, the smallest), at the object size of the scene's
    object total. A single's position is its largest object; a group's is the mean of its members
    in the frames where exactly `count` are read (members are matched across frames only as a set).
    """

    def __init__(self, reads, objects):
        self.n = len(reads)
        self.dims = [(r["width"], r["height"]) for r in reads]
        self.named = {o["color"]: o for o in objects}
        self.size = object_size(sum(o.get("count", 1) for o in objects))
        self.frames = [self._objects(r) for r in reads]

    def expected(self, f, color):
        thing = self.named.get(color)
        return expected_area(thing["shape"] if thing else "triangle", self.size, min(self.dims[f]))

    def _objects(self, read):
        short, out = min(read["width"], read["height"]), {}
        for color, blobs in read["blobs"].items():
            thing = self.named.get(color)
            floor = OBJECT_AREA_MIN * expected_area(thing["shape"] if thing else "triangle", self.size, short)
            kept = [b for b in blobs if b["area"] >= floor]
            if kept:
                out[color] = kept
        return out

    def count(self, color):
        return self.named.get(color, {}).get("count", 1)

    def members(self, f, color):
        return self.frames[f].get(color, [])

    def position(self, f, color):
        found, count = self.members(f, color), self.count(color)
        if count == 1:
            return (found[0]["x"], found[0]["y"]) if found else None
        if len(found) != count:
            return None
        return (sum(b["x"] for b in found) / count, sum(b["y"] for b in found) / count)

    def track(self, color):
        return [self.position(f, color) for f in range(self.n)]

    def units(self, f, point):
        """Normalised (x, y) -> pixels / shorter side."""
        w, h = self.dims[f]
        short = min(w, h)
        return (point[0] * w / short, point[1] * h / short)
