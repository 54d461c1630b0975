"""Loading the rendered frames (v3/frames.py shards) into memory, per canvas kind."""
import glob

import numpy as np
import torch

from sktrain.paths import DATA


def load_frames(root=None):
    """{kind: {rgb, cls, alpha, objects, size, program}} with the shards concatenated."""
    root = root or DATA / "v3"
    out = {}
    for kind in ("square", "wide"):
        parts = [np.load(p) for p in sorted(glob.glob(f"{root}/frames-{kind}-*.npz"))]
        out[kind] = {k: np.concatenate([p[k] for p in parts]) for k in parts[0].files}
    return out


def soft_target(cls, alpha):
    """uint8 [N, H, W] class + coverage -> probabilities [N, 8, H, W]."""
    cls_t = torch.from_numpy(cls).long()
    a = torch.from_numpy(alpha).float() / 255.0
    target = torch.zeros(cls_t.shape[0], 8, *cls_t.shape[1:])
    target.scatter_(1, cls_t[:, None], a[:, None])
    target[:, 0] += 1 - a
    return target
