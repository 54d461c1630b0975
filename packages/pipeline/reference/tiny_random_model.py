"""A tiny random-weight text-to-video model with the model package's I/O (packages/pipeline/MODEL-PACKAGE.md).

Three torch modules — text encoder, DiT-style transformer (flow velocity), VAE-style decoder — small
enough to run in milliseconds, built from a fixed torch seed. Only the I/O contract matters: the
weights are random, so outputs are noise-like but deterministic.
"""
import math

import torch
from torch import nn


class Attention(nn.Module):
    def __init__(self, dim, heads, context_dim=None):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(dim, dim)
        self.kv = nn.Linear(context_dim or dim, 2 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, context=None, bias=None):
        b, n, d = x.shape
        context = x if context is None else context
        q = self.q(x).reshape(b, n, self.heads, d // self.heads).transpose(1, 2)
        k, v = self.kv(context).reshape(b, -1, 2, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / math.sqrt(d // self.heads)
        if bias is not None:
            scores = scores + bias
        y = scores.softmax(-1) @ v
        return self.out(y.transpose(1, 2).reshape(b, n, d))


class TextEncoder(nn.Module):
    """input_ids, attention_mask [B, L] int64 -> last_hidden_state [B, L, D]."""

    def __init__(self, vocab_size, max_length, dim, heads=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.pos = nn.Parameter(torch.randn(1, max_length, dim) * 0.1)
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.final = nn.LayerNorm(dim)

    def forward(self, input_ids, attention_mask):
        x = self.embed(input_ids) + self.pos[:, : input_ids.shape[1]]
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -1e4
        x = x + self.attn(self.norm1(x), bias=bias)
        x = x + self.mlp(self.norm2(x))
        return self.final(x)


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
    args = t[:, None].float() * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class Block(nn.Module):
    def __init__(self, dim, text_dim, heads):
        super().__init__()
        self.norm1, self.norm2, self.norm3 = (nn.LayerNorm(dim) for _ in range(3))
        self.self_attn = Attention(dim, heads)
        self.cross_attn = Attention(dim, heads, context_dim=text_dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.modulation = nn.Linear(dim, 4 * dim)

    def forward(self, x, t_emb, context):
        shift1, scale1, shift3, scale3 = self.modulation(t_emb)[:, None].chunk(4, dim=-1)
        x = x + self.self_attn(self.norm1(x) * (1 + scale1) + shift1)
        x = x + self.cross_attn(self.norm2(x), context=context)
        return x + self.mlp(self.norm3(x) * (1 + scale3) + shift3)


class Transformer(nn.Module):
    """hidden_states [B, C, F, h, w], timestep [B], encoder_hidden_states [B, S, D] -> velocity [B, C, F, h, w].

    layout_dim K > 0 adds the optional input layout_noise [B, K], projected and added to every token
    (a model whose layout varies with the seed beyond the initial latents)."""

    def __init__(self, channels, text_dim, dim, layers, heads=2, patch=(1, 2, 2), layout_dim=0):
        super().__init__()
        self.channels, self.patch, self.dim = channels, patch, dim
        patch_volume = channels * patch[0] * patch[1] * patch[2]
        self.embed = nn.Linear(patch_volume, dim)
        self.coords = nn.Linear(3, dim)
        self.time = nn.Sequential(nn.Linear(dim, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.blocks = nn.ModuleList(Block(dim, text_dim, heads) for _ in range(layers))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, patch_volume)
        self.layout = nn.Linear(layout_dim, dim) if layout_dim else None

    def forward(self, hidden_states, timestep, encoder_hidden_states, layout_noise=None):
        b, c, f, h, w = hidden_states.shape
        pt, ph, pw = self.patch
        gf, gh, gw = f // pt, h // ph, w // pw
        x = hidden_states.reshape(b, c, gf, pt, gh, ph, gw, pw).permute(0, 2, 4, 6, 1, 3, 5, 7)
        x = self.embed(x.reshape(b, gf * gh * gw, c * pt * ph * pw))
        grid = torch.stack(
            torch.meshgrid(
                torch.arange(gf, dtype=torch.float32) / gf,
                torch.arange(gh, dtype=torch.float32) / gh,
                torch.arange(gw, dtype=torch.float32) / gw,
                indexing="ij",
            ),
            dim=-1,
        ).reshape(1, gf * gh * gw, 3)
        x = x + self.coords(grid)
        if self.layout is not None:
            x = x + self.layout(layout_noise)[:, None]
        t_emb = self.time(timestep_embedding(timestep, self.dim))
        for block in self.blocks:
            x = block(x, t_emb, encoder_hidden_states)
        x = self.head(self.norm(x))
        x = x.reshape(b, gf, gh, gw, c, pt, ph, pw).permute(0, 4, 1, 5, 2, 6, 3, 7)
        return x.reshape(b, c, f, h, w)


class Decoder(nn.Module):
    """latent_sample [B, C, F, h, w] -> sample [B, 3, F', s·h, s·w] in [-1, 1], frame by frame.

    temporal=1: F' = F. temporal=t (Wan-style causal VAE): F' = 1 + t·(F − 1), the first latent frame
    decoding to one frame and every later one to t frames."""

    def __init__(self, channels, width=8, spatial=8, temporal=1):
        super().__init__()
        self.spatial, self.temporal = spatial, temporal
        layers = [nn.Conv2d(channels, width, 3, padding=1), nn.SiLU()]
        for _ in range(spatial.bit_length() - 1):
            layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(width, width, 3, padding=1), nn.SiLU()]
        layers += [nn.Conv2d(width, 3, 3, padding=1), nn.Tanh()]
        self.net = nn.Sequential(*layers)
        with torch.no_grad():  # spread the output over [-1, 1] so frame parity tests see real contrast
            layers[-2].weight.mul_(40.0)

    def forward(self, latent_sample):
        b, c, f, h, w = latent_sample.shape
        s = self.spatial
        frames = self.net(latent_sample.transpose(1, 2).reshape(b * f, c, h, w)).reshape(b, f, 3, h * s, w * s)
        if self.temporal > 1:
            later = frames[:, 1:, None].expand(b, f - 1, self.temporal, 3, h * s, w * s)
            frames = torch.cat([frames[:, :1], later.reshape(b, (f - 1) * self.temporal, 3, h * s, w * s)], dim=1)
        return frames.transpose(1, 2)


class ResizingDecoder(nn.Module):
    """latent_sample [B, C, F, h, w], output_size int64 [2] = [H, W] -> sample [B, 3, F, H, W] in [-1, 1]:
    one latent grid upsampled (bilinear) to whatever size is asked, frame by frame."""

    def __init__(self, channels, width=8):
        super().__init__()
        self.inner = nn.Sequential(nn.Conv2d(channels, width, 3, padding=1), nn.SiLU())
        self.outer = nn.Sequential(nn.Conv2d(width, width, 3, padding=1), nn.SiLU(), nn.Conv2d(width, 3, 3, padding=1),
                                   nn.Tanh())
        with torch.no_grad():  # spread the output over [-1, 1], as Decoder does
            self.outer[2].weight.mul_(40.0)

    def forward(self, latent_sample, output_size):
        b, c, f, h, w = latent_sample.shape
        x = self.inner(latent_sample.transpose(1, 2).reshape(b * f, c, h, w))
        x = nn.functional.interpolate(x, size=(output_size[0], output_size[1]), mode="bilinear", align_corners=False)
        x = self.outer(x)
        return x.reshape(b, f, 3, x.shape[-2], x.shape[-1]).transpose(1, 2)


class Conditioner(nn.Module):
    """The optional per-request conditioner (MODEL-PACKAGE.md): encoder_hidden_states [B, S, D], hidden_states
    [B, C, F, h, w] (only its shape is read) and layout_noise [B, K] -> conditioning [B, S + F, D]: the text
    states, then one token per latent frame from its place in the clip and the grid's size, plus the layout
    noise. Sizes come from tensors (ones summed), so the export keeps every axis dynamic."""

    def __init__(self, text_dim, layout_dim):
        super().__init__()
        self.text = nn.Linear(text_dim, text_dim)
        self.frame = nn.Linear(3, text_dim)
        self.layout = nn.Linear(layout_dim, text_dim)

    def forward(self, encoder_hidden_states, hidden_states, layout_noise):
        ones_f = torch.ones_like(hidden_states[0, 0, :, 0, 0])                  # [F]
        f = ones_f.sum()
        h = torch.ones_like(hidden_states[0, 0, 0, :, 0]).sum()
        w = torch.ones_like(hidden_states[0, 0, 0, 0, :]).sum()
        place = (ones_f.cumsum(0) - 1) / f
        frames = self.frame(torch.stack([place, ones_f * h / 8, ones_f * w / 8], -1))  # [F, D]
        tokens = frames[None] + self.layout(layout_noise)[:, None]                     # [B, F, D]
        return torch.cat([self.text(encoder_hidden_states), tokens], 1)


def build_conditioner(vocab_size, max_length=16, text_dim=32, dim=32, layers=2, channels=4, layout_dim=6, seed=3):
    """A model with a conditioner (run once per request) that takes layout_noise; its plain transformer
    cross-attends to the conditioning. Returns (text_encoder, transformer, decoder, conditioner)."""
    torch.manual_seed(seed)
    return (
        TextEncoder(vocab_size, max_length, text_dim).eval(),
        Transformer(channels, text_dim, dim, layers).eval(),
        Decoder(channels).eval(),
        Conditioner(text_dim, layout_dim).eval(),
    )


def build_grid_layout(vocab_size, max_length=16, text_dim=32, dim=32, layers=2, channels=4, layout_dim=6, seed=2):
    """The grid-rule model: a transformer with layout_noise [B, layout_dim] and a decoder taking output_size."""
    torch.manual_seed(seed)
    return (
        TextEncoder(vocab_size, max_length, text_dim).eval(),
        Transformer(channels, text_dim, dim, layers, layout_dim=layout_dim).eval(),
        ResizingDecoder(channels).eval(),
    )


def build(vocab_size, max_length=16, text_dim=32, dim=32, layers=2, channels=4, seed=0, spatial=8, temporal=1):
    torch.manual_seed(seed)
    return (
        TextEncoder(vocab_size, max_length, text_dim).eval(),
        Transformer(channels, text_dim, dim, layers).eval(),
        Decoder(channels, spatial=spatial, temporal=temporal).eval(),
    )
