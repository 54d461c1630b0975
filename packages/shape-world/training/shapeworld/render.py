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


# --- World v2: any width x height; sizes in units of the shorter side (WORLD-V2.md) -------------

def coverage_wh(shape, cx, cy, s, width, height):
    """Fractional coverage [H, W] of one object on a width x height canvas.

    (cx, cy) is normalised (x by width, y by height); `s` is the object's size as a fraction of the
    shorter side, so shapes stay round and square on 16:9. Computed in pixel units in a window."""
    short = min(width, height)
    px_c, py_c, sp = cx * width, cy * height, s * short
    alpha = np.zeros((height, width), np.float32)
    extent = 0.7 * sp + 2.0  # a triangle's apex is 2/3 s above its centre
    x0, x1 = max(0, int(px_c - extent)), min(width, int(np.ceil(px_c + extent)))
    y0, y1 = max(0, int(py_c - extent)), min(height, int(np.ceil(py_c + extent)))
    if x1 <= x0 or y1 <= y0:
        return alpha
    k = SUPERSAMPLE
    sub = (np.arange(k) + 0.5) / k
    xs = (np.arange(x0, x1)[:, None] + sub[None, :]).ravel()
    ys = (np.arange(y0, y1)[:, None] + sub[None, :]).ravel()
    px, py = np.meshgrid(xs, ys)
    inside = _inside(shape, px, py, px_c, py_c, sp).astype(np.float32)
    alpha[y0:y1, x0:x1] = inside.reshape(y1 - y0, k, x1 - x0, k).mean(axis=(1, 3))
    return alpha


def render_objects_probs(objects, centers, width=64, height=64):
    """Palette-class coverage [F, 8, H, W] for objects [{color, shape, size}] at centers [N][F, 2]
    (a center may be None: not drawn in that frame). Later objects paint over earlier ones."""
    num_frames = len(centers[0]) if centers else 1
    probs = np.zeros((num_frames, len(PALETTE), height, width), np.float32)
    probs[:, 0] = 1.0
    for obj, path in zip(objects, centers):
        cls = 1 + COLOR_NAMES.index(obj["color"])
        for f in range(num_frames):
            if path[f] is None:
                continue
            a = coverage_wh(obj["shape"], float(path[f][0]), float(path[f][1]), obj["size"], width, height)
            probs[f] *= 1 - a
            probs[f, cls] += a
    return probs


def render_objects(objects, centers, width=64, height=64):
    """uint8 frames [F, H, W, 3] of `render_objects_probs`."""
    return probs_to_rgb(render_objects_probs(objects, centers, width, height))
