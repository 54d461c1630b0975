"""Text encoder: word transformer + learned object slots (Q-Former style).

`last_hidden_state` = the slot outputs [B, S, D]. It is pre-trained on a text-only parse task
(per mentioned object: colour, shape, start and end position) and then frozen.
"""
import torch
from torch import nn

from .layers import MLP, Attention, padding_bias

NUM_COLORS = 8   # 0 = no object
NUM_SHAPES = 4   # 0 = no object


class Block(nn.Module):
    def __init__(self, dim, heads, cross=False):
        super().__init__()
        self.n1, self.attn = nn.LayerNorm(dim), Attention(dim, heads)
        self.cross = Attention(dim, heads) if cross else None
        self.nc = nn.LayerNorm(dim) if cross else None
        self.n2, self.mlp = nn.LayerNorm(dim), MLP(dim, 2 * dim)

    def forward(self, x, bias=None, context=None, context_bias=None):
        if self.cross is not None:
            x = x + self.cross(self.nc(x), context, context_bias)
            x = x + self.attn(self.n1(x))
        else:
            x = x + self.attn(self.n1(x), bias=bias)
        return x + self.mlp(self.n2(x))


class TextEncoder(nn.Module):
    def __init__(self, vocab_size, dim=128, heads=4, max_length=32, num_slots=4, word_layers=2, slot_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.pos = nn.Parameter(torch.randn(max_length, dim) * 0.02)
        self.words = nn.ModuleList([Block(dim, heads) for _ in range(word_layers)])
        self.word_norm = nn.LayerNorm(dim)
        self.slots = nn.Parameter(torch.randn(num_slots, dim) * 0.02)
        self.slot_blocks = nn.ModuleList([Block(dim, heads, cross=True) for _ in range(slot_layers)])
        self.out_norm = nn.LayerNorm(dim)
        # auxiliary parse head (training only): colour, shape, start xy, end xy per object slot
        self.head = nn.Linear(dim, NUM_COLORS + NUM_SHAPES + 4)

    def forward(self, input_ids, attention_mask):
        length = input_ids.shape[1]
        x = self.embed(input_ids) + self.pos[:length]
        bias = padding_bias(attention_mask)
        for block in self.words:
            x = block(x, bias=bias)
        words = self.word_norm(x)
        s = self.slots[None].expand(input_ids.shape[0], -1, -1)
        for block in self.slot_blocks:
            s = block(s, context=words, context_bias=bias)
        return self.out_norm(s)

    def parse(self, hidden):
        """Aux predictions for the first two slots."""
        out = self.head(hidden[:, :2])
        c, s = NUM_COLORS, NUM_SHAPES
        return out[..., :c], out[..., c:c + s], out[..., c + s:]
