"""GEMM-shaped per-frame autoencoder: 64x64 RGB <-> 8 x 8 x 8 latents.

Encoder (training only): 8x8 patchify; each cell sees its 3x3 neighbourhood of patches, MLP -> 8.
Decoder (shipped): each cell sees its 5x5 neighbourhood of latents (+ an inside-canvas flag),
MLP -> logits over the 8 palette classes for its 8x8 pixels; RGB = softmax(logits) @ palette.
Output colours are therefore exact palette colours wherever the decoder is confident.
"""
import torch
import torch.nn.functional as F
from torch import nn

from shapeworld.vocab import PALETTE

CELL = 8
LATENT = 8
NUM_CLASSES = len(PALETTE)


def neighbourhood(x, k):
    """[N, C, h, w] -> [N, h*w, C*k*k] (zero padded), built from slices so it exports as plain ops."""
    n, c, h, w = x.shape
    r = k // 2
    xp = F.pad(x, (r, r, r, r))
    parts = [xp[:, :, dy:dy + h, dx:dx + w] for dy in range(k) for dx in range(k)]
    return torch.cat(parts, 1).flatten(2).transpose(1, 2)


class Encoder(nn.Module):
    def __init__(self, hidden=256):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9 * 3 * CELL * CELL, hidden), nn.GELU(),
                                 nn.Linear(hidden, hidden), nn.GELU(), nn.Linear(hidden, LATENT))

    def forward(self, rgb):
        """rgb [N, 3, 64, 64] in [-1, 1] -> latents [N, 8, 8, 8]."""
        n, _, hh, ww = rgb.shape
        h, w = hh // CELL, ww // CELL
        cells = F.pixel_unshuffle(rgb + 1.0, CELL)  # [N, 192, h, w]; zero padding = "outside"
        z = self.net(neighbourhood(cells, 3))
        return z.transpose(1, 2).reshape(n, LATENT, h, w)


class Decoder(nn.Module):
    """`sharpness` scales the logits before the softmax (1 in training). Above 1 it commits edge
    pixels to one class instead of a blend, which keeps decoded shapes' outlines (and so their
    bounding-box fill) crisp; the shipped value is measured by measure_autoencoder.py."""

    def __init__(self, hidden=320, sharpness=1.0):
        super().__init__()
        self.sharpness = sharpness
        self.net = nn.Sequential(nn.Linear(25 * (LATENT + 1), hidden), nn.GELU(),
                                 nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, NUM_CLASSES * CELL * CELL))
        self.register_buffer("palette", torch.tensor(PALETTE, dtype=torch.float32) / 127.5 - 1.0)

    def logits(self, z):
        """z [N, C, h, w] -> class logits [N, 8, 8h, 8w]."""
        n, _, h, w = z.shape
        inside = torch.ones_like(z[:, :1])
        feats = neighbourhood(torch.cat([z, inside], 1), 5)
        out = self.net(feats).transpose(1, 2).reshape(n, NUM_CLASSES * CELL * CELL, h, w)
        return F.pixel_shuffle(out, CELL)

    def forward(self, z):
        """z [N, C, h, w] -> rgb [N, 3, 8h, 8w] in [-1, 1]."""
        probs = (self.logits(z) * self.sharpness).softmax(1)
        return torch.einsum("nkhw,kc->nchw", probs, self.palette)


def soft_targets(rgb_uint8):
    """Palette coverage targets from rendered RGB (objects never overlap in the shape world).

    rgb_uint8 [N, H, W, 3] -> [N, 8, H, W]: each pixel = bg*(1-a) + colour_k*a for the best k.
    """
    pal = torch.tensor(PALETTE, dtype=torch.float32)
    r = rgb_uint8.float() - pal[0]                                  # offset from the background
    d = pal[1:] - pal[0]                                            # [7, 3]
    dd = (d * d).sum(-1)
    rd = r @ d.T                                                    # [N, H, W, 7]
    a = (rd / dd).clamp(0, 1)
    resid = (r * r).sum(-1, keepdim=True) - 2 * a * rd + a * a * dd  # |r - a d|^2, by matmul
    best = resid.argmin(-1, keepdim=True)
    alpha = a.gather(-1, best)
    target = torch.zeros(*r.shape[:3], 8)
    target[..., :1] = 1 - alpha
    target.scatter_(-1, best + 1, alpha)
    return target.permute(0, 3, 1, 2)
