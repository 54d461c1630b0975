"""Export-friendly building blocks (plain matmul/softmax attention, no fused kernels)."""
import math

import torch
from torch import nn


class Attention(nn.Module):
    """Multi-head attention; `bias` is an additive mask broadcastable to [B, heads, Lq, Lk]."""

    def __init__(self, dim, heads, kv_dim=None):
        super().__init__()
        kv_dim = kv_dim or dim
        self.heads, self.head_dim = heads, dim // heads
        self.q = nn.Linear(dim, dim)
        self.kv = nn.Linear(kv_dim, 2 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, context=None, bias=None):
        context = x if context is None else context
        b, n, d = x.shape
        q = self.q(x).reshape(b, n, self.heads, self.head_dim).transpose(1, 2)
        k, v = self.kv(context).reshape(b, -1, 2, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim))
        if bias is not None:
            att = att + bias
        out = att.softmax(-1) @ v
        return self.out(out.transpose(1, 2).reshape(b, n, d))


class MLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(dim, hidden), nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(torch.nn.functional.gelu(self.fc1(x), approximate="tanh"))


def padding_bias(attention_mask):
    """int/float [B, L] (1 = token) -> additive bias [B, 1, 1, L]."""
    return ((1.0 - attention_mask.float()) * -1e4)[:, None, None, :]
