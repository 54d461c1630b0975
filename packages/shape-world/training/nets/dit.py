"""Latent DiT: spatio-temporal self-attention over latent patches, cross-attention to the text
slots, adaLN-zero conditioning on (timestep, pooled text). Outputs the flow velocity v = noise - x0.

With predict="x" (default) the network predicts the clean latents x0 and the graph converts:
v = (x_t - x0) / sigma, sigma = timestep / 1000 clamped at SIGMA_MIN. Patch tokens (128 values) are as
wide as the model, so passing the noise through (what v-prediction needs) is the hard part for
a small network; x-prediction leaves that to the exact formula (as in "Back to Basics", JiT).

Grounding (ground=True, GLIGEN / LLM-grounded video diffusion style): the text encoder's parse head
(a frozen copy lives in this graph) reads each of the first two slots as colour, shape and a
canonical path (start xy, end xy). For every token and each of its frames, the object's offset
from the token centre along that path, its colour and shape go through a small MLP and are added to
the token, so "where is the object at frame f" is an input instead of something to discover.
Training feeds the scenes' actual paths; inference reads the paths the text encoder predicts.
"""
import math

import torch
from torch import nn

from .layers import MLP, Attention


SIGMA_MIN = 0.05


def timestep_features(t, dim=256):
    """Sinusoidal features of t (= sigma * 1000)."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t.float()[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], -1)


class DiTBlock(nn.Module):
    def __init__(self, dim, heads, mlp_ratio):
        super().__init__()
        self.n1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.nc = nn.LayerNorm(dim, eps=1e-6)
        self.cross = Attention(dim, heads)
        self.n2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = MLP(dim, int(dim * mlp_ratio))
        self.ada = nn.Linear(dim, 6 * dim)
        nn.init.zeros_(self.ada.weight); nn.init.zeros_(self.ada.bias)

    def forward(self, x, c, context):
        s1, g1, b1, s2, g2, b2 = self.ada(nn.functional.silu(c))[:, None].chunk(6, -1)
        x = x + g1 * self.attn(self.n1(x) * (1 + s1) + b1)
        x = x + self.cross(self.nc(x), context)
        return x + g2 * self.mlp(self.n2(x) * (1 + s2) + b2)


NUM_COLORS, NUM_SHAPES = 8, 4  # the text encoder's parse head: class 0 = no object
GROUND_SLOTS = 2


class DiT(nn.Module):
    def __init__(self, channels=4, frames=16, height=8, width=8, patch=(4, 2, 2), text_dim=128,
                 dim=192, depth=4, heads=6, mlp_ratio=3.0, predict="x", ground=False):
        super().__init__()
        self.predict, self.ground = predict, ground
        self.channels, self.patch = channels, patch
        self.grid = (frames // patch[0], height // patch[1], width // patch[2])
        pdim = channels * patch[0] * patch[1] * patch[2]
        n = self.grid[0] * self.grid[1] * self.grid[2]
        self.embed = nn.Linear(pdim, dim)
        self.pos = nn.Parameter(torch.randn(1, n, dim) * 0.02)
        self.t_mlp = nn.Sequential(nn.Linear(256, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.text_proj = nn.Linear(text_dim, dim)
        self.pool_proj = nn.Linear(text_dim, dim)
        self.blocks = nn.ModuleList([DiTBlock(dim, heads, mlp_ratio) for _ in range(depth)])
        self.final_norm = nn.LayerNorm(dim, eps=1e-6)
        self.final_ada = nn.Linear(dim, 2 * dim)
        self.out = nn.Linear(dim, pdim)
        for m in (self.final_ada, self.out):
            nn.init.zeros_(m.weight); nn.init.zeros_(m.bias)
        if ground:
            self.parse_head = nn.Linear(text_dim, NUM_COLORS + NUM_SHAPES + 4).requires_grad_(False)
            feats = 3 * patch[0] + (NUM_COLORS - 1) + (NUM_SHAPES - 1)
            self.ground_mlp = nn.Sequential(nn.Linear(feats, dim), nn.SiLU(), nn.Linear(dim, dim))
            gf, gh, gw = self.grid
            f, y, x = torch.meshgrid(torch.arange(gf), torch.arange(gh), torch.arange(gw), indexing="ij")
            centre = torch.stack([(x.flatten() + 0.5) / gw, (y.flatten() + 0.5) / gh], -1)   # [n, 2]
            t = (f.flatten()[:, None] * patch[0] + torch.arange(patch[0])[None]) / (frames - 1)  # [n, pf]
            self.register_buffer("token_centre", centre, persistent=False)
            self.register_buffer("token_time", t.float(), persistent=False)
            self.register_buffer("grid_scale", torch.tensor([float(gw), float(gh)]), persistent=False)

    def layout(self, encoder_hidden_states):
        """Parse the first slots: paths [B, S, 4] (start xy, end xy), presence [B, S], looks [B, S, 10]."""
        out = self.parse_head(encoder_hidden_states[:, :GROUND_SLOTS])
        colour = out[..., :NUM_COLORS].softmax(-1)
        shape = out[..., NUM_COLORS:NUM_COLORS + NUM_SHAPES].softmax(-1)
        looks = torch.cat([colour[..., 1:], shape[..., 1:]], -1)
        return out[..., NUM_COLORS + NUM_SHAPES:], 1.0 - colour[..., 0], looks

    def grounding(self, paths, presence, looks):
        """Per-token embedding of where each object is in the token's frames -> [B, n, dim]."""
        start, end = paths[..., None, None, :2], paths[..., None, None, 2:]          # [B, S, 1, 1, 2]
        pos = start + (end - start) * self.token_time[None, None, :, :, None]        # [B, S, n, pf, 2]
        d = (pos - self.token_centre[None, None, :, None]) * self.grid_scale        # token units
        near = torch.exp(-(d * d).sum(-1) * 2.0)                                     # [B, S, n, pf]
        b, s, n = d.shape[:3]
        geo = torch.cat([d.clamp(-2.0, 2.0).reshape(b, s, n, -1), near], -1)
        feats = torch.cat([geo, looks[:, :, None].expand(b, s, n, looks.shape[-1])], -1)
        return (self.ground_mlp(feats) * presence[..., None, None]).sum(1)

    def patchify(self, x):
        b = x.shape[0]
        (gf, gh, gw), (pf, ph, pw) = self.grid, self.patch
        x = x.reshape(b, self.channels, gf, pf, gh, ph, gw, pw)
        return x.permute(0, 2, 4, 6, 1, 3, 5, 7).reshape(b, gf * gh * gw, -1)

    def unpatchify(self, tokens):
        b = tokens.shape[0]
        (gf, gh, gw), (pf, ph, pw) = self.grid, self.patch
        x = tokens.reshape(b, gf, gh, gw, self.channels, pf, ph, pw)
        return x.permute(0, 4, 1, 5, 2, 6, 3, 7).reshape(b, self.channels, gf * pf, gh * ph, gw * pw)

    def forward(self, hidden_states, timestep, encoder_hidden_states, layout=None):
        """`layout` (training only): (paths, presence, looks) overriding the parsed one."""
        x = self.embed(self.patchify(hidden_states)) + self.pos
        if self.ground:
            x = x + self.grounding(*(layout if layout is not None else self.layout(encoder_hidden_states)))
        c = self.t_mlp(timestep_features(timestep)) + self.pool_proj(encoder_hidden_states.mean(1))
        context = self.text_proj(encoder_hidden_states)
        for block in self.blocks:
            x = block(x, c, context)
        shift, scale = self.final_ada(nn.functional.silu(c))[:, None].chunk(2, -1)
        out = self.unpatchify(self.out(self.final_norm(x) * (1 + scale) + shift))
        if self.predict == "v":
            return out
        sigma = (timestep.float() / 1000.0).clamp(min=SIGMA_MIN).reshape(-1, 1, 1, 1, 1)
        return (hidden_states - out) / sigma
