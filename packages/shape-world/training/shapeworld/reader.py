"""Reads objects back from frames by colour, as DESIGN.md describes.

Each pixel takes the nearest palette colour (background included) if it lies within
COLOR_THRESHOLD; an object is the largest 4-connected blob of its colour; its shape comes from
the blob's fill of its bounding box.
"""
import numpy as np
from scipy import ndimage

from .vocab import COLOR_NAMES, PALETTE

COLOR_THRESHOLD = 60.0   # max RGB distance to the nearest palette colour
MIN_AREA = 12            # pixels (at 64x64) for a blob to count as a visible object
_PALETTE = np.array(PALETTE, dtype=np.float32)
_FOUR = ndimage.generate_binary_structure(2, 1)


def classify_pixels(frame):
    """uint8 [H, W, 3] -> int [H, W]: palette index (0 background, 1..7 colours) or -1."""
    d = np.linalg.norm(frame[:, :, None, :].astype(np.float32) - _PALETTE[None, None], axis=-1)
    idx = d.argmin(-1)
    idx[d.min(-1) > COLOR_THRESHOLD] = -1
    return idx


def shape_from_fill(fill: float) -> str:
    if fill >= 0.88:
        return "square"
    if fill >= 0.64:
        return "ball"
    return "triangle"


def read_frame(frame):
    """Returns {colour: {x, y, area, fill, shape}} for every visible colour blob."""
    h, w = frame.shape[:2]
    labels = classify_pixels(frame)
    found = {}
    for k, name in enumerate(COLOR_NAMES, start=1):
        mask = labels == k
        if mask.sum() < MIN_AREA:
            continue
        comp, n = ndimage.label(mask, structure=_FOUR)
        sizes = np.bincount(comp.ravel())[1:]
        best = int(sizes.argmax()) + 1
        if sizes[best - 1] < MIN_AREA:
            continue
        ys, xs = np.nonzero(comp == best)
        bw, bh = xs.max() - xs.min() + 1, ys.max() - ys.min() + 1
        fill = len(xs) / float(bw * bh)
        found[name] = {
            "x": (xs.mean() + 0.5) / w, "y": (ys.mean() + 0.5) / h,
            "area": int(len(xs)), "fill": fill, "shape": shape_from_fill(fill),
        }
    return found


def read_video(frames):
    """uint8 [F, H, W, 3] -> list (per frame) of read_frame dicts."""
    return [read_frame(f) for f in frames]
