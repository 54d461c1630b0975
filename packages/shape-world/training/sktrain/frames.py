"""Frames for decoder training and the decoder's loss (the autoencoder's training and the decoder's
fine-tuning on DiT samples share them)."""
import glob

import numpy as np
import torch

from nets.autoencoder import soft_targets
from shapeworld.render import probs_to_rgb, render_probs
from shapeworld.vocab import COLOR_NAMES, OBJECT_SIZE, SHAPES

from .paths import DATA

OBJECT_WEIGHT = 8.0


def random_frames(n, seed):
    """Frames with 0-2 objects at uniformly random, non-overlapping positions."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < n:
        k = rng.choice([0, 1, 2], p=[0.02, 0.4, 0.58])
        objs = []
        for c in rng.choice(COLOR_NAMES, k, replace=False):
            p = rng.uniform(0.08, 0.92, 2)
            objs.append({"color": str(c), "shape": str(rng.choice(SHAPES)), "start": list(p), "end": list(p),
                         "size": OBJECT_SIZE * rng.uniform(0.95, 1.05)})
        if k == 2 and np.hypot(*(np.array(objs[0]["start"]) - objs[1]["start"])) < 0.26:
            continue
        out.append(probs_to_rgb(render_probs(objs, num_frames=1))[0])
    return np.stack(out)


def load_bank(num_random, seed, clip_dir=DATA / "clips"):
    """`num_random` random frames + every third frame of the first four clip shards (if rendered)."""
    frames = [random_frames(num_random, seed)]
    for path in sorted(glob.glob(f"{clip_dir}/shard_*.npz"))[:4]:
        clips = np.load(path)["frames"]
        frames.append(clips[:, ::3].reshape(-1, *clips.shape[2:]))
    return torch.from_numpy(np.concatenate(frames))


def to_input(rgb_uint8):
    return rgb_uint8.permute(0, 3, 1, 2).float() / 127.5 - 1.0


def decoder_loss(dec, z, batch, edge_weight=0.0, object_weight=OBJECT_WEIGHT, sample_weight=None):
    """Weighted cross-entropy of the decoder's palette logits for latents `z` against the frames
    (`sample_weight` [N] scales each frame's share)."""
    logits = dec.logits(z)
    target = soft_targets(batch)
    ce = -(target * logits.log_softmax(1)).sum(1)
    weight = 1.0 + object_weight * (1.0 - target[:, 0])
    if edge_weight:  # emphasise the outline (where shapes differ): bg coverage changes nearby
        bg = target[:, :1]
        edge = (torch.nn.functional.max_pool2d(bg, 3, 1, 1) - (-torch.nn.functional.max_pool2d(-bg, 3, 1, 1)))
        weight = weight + edge_weight * (edge[:, 0] > 0.05).float()
    if sample_weight is not None:
        weight = weight * sample_weight.view(-1, 1, 1)
    hit = (logits.argmax(1) == target.argmax(1))[target[:, 0] < 0.5].float().mean()
    return (ce * weight).mean(), hit
