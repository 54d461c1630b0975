"""Anti-aliased rendering with the exact palette; also returns per-pixel palette coverage."""
import numpy as np

from .scene import NUM_FRAMES, positions
from .vocab import COLOR_NAMES, PALETTE

SUPERSAMPLE = 4
_PALETTE = np.array(PALETTE, dtype=np.float32)


def _inside(shape, px, py, cx, cy, s):
    """px, py: sample coordinates (normalised). Returns a boolean mask."""
    if shape == "ball":
        r = 0.55 * s
        return (px - cx) ** 2 + (py - cy) ** 2 <= r * r
    if shape == "square":
        h = 0.45 * s
        return (np.abs(px - cx) <= h) & (np.abs(py - cy) <= h)
    # upward triangle whose area centroid is (cx, cy)
    height, half_base = 1.0 * s, 0.55 * s
    top, bottom = cy - 2 * height / 3, cy + height / 3
    frac = (py - top) / height  # 0 at apex, 1 at base
    return (frac >= 0) & (frac <= 1) & (np.abs(px - cx) <= half_base * frac)


def coverage(shape, cx, cy, s, size):
    """Fractional coverage of one object on a size x size canvas, computed in a window."""
    alpha = np.zeros((size, size), np.float32)
    extent = 0.6 * s + 2.0 / size
    x0, x1 = max(0, int((cx - extent) * size)), min(size, int(np.ceil((cx + extent) * size)))
    y0, y1 = max(0, int((cy - extent) * size)), min(size, int(np.ceil((cy + extent) * size)))
    if x1 <= x0 or y1 <= y0:
        return alpha
    k = SUPERSAMPLE
    sub = (np.arange(k) + 0.5) / k
    xs = ((np.arange(x0, x1)[:, None] + sub[None, :]).ravel()) / size
    ys = ((np.arange(y0, y1)[:, None] + sub[None, :]).ravel()) / size
    px, py = np.meshgrid(xs, ys)
    inside = _inside(shape, px, py, cx, cy, s).astype(np.float32)
    inside = inside.reshape(y1 - y0, k, x1 - x0, k).mean(axis=(1, 3))
    alpha[y0:y1, x0:x1] = inside
    return alpha


def render_probs(objects, size=64, num_frames=NUM_FRAMES, centers=None):
    """Palette-class coverage [F, 8, H, W] (class 0 = background); later objects paint over earlier."""
    probs = np.zeros((num_frames, len(PALETTE), size, size), np.float32)
    probs[:, 0] = 1.0
    for i, obj in enumerate(objects):
        path = positions(obj, num_frames) if centers is None else centers[i]
        cls = 1 + COLOR_NAMES.index(obj["color"])
        for f in range(num_frames):
            a = coverage(obj["shape"], path[f][0], path[f][1], obj["size"], size)
            probs[f] *= 1 - a
            probs[f, cls] += a
    return probs


def probs_to_rgb(probs):
    """[F, 8, H, W] -> uint8 [F, H, W, 3]."""
    rgb = np.einsum("fkhw,kc->fhwc", probs, _PALETTE)
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8)


def render_scene(scene, size=64, num_frames=NUM_FRAMES):
    probs = render_probs(scene["objects"], size, num_frames)
    return probs_to_rgb(probs), probs
