"""Model 3.0's networks (world v2).

- TextEncoder: 2.x's word transformer + 4 object slots, max 40 tokens. A parse head reads each slot as
  a scene *program* (colour, shape, count, formation, path, start and end codes: shapeworld/world2.py).
- Layout (no weights): programs + uniform noise -> every object's centre per frame, the torch twin
  of world2.layout, fed by the `layout_noise` input, so the seed varies the scene within what the
  prompt allows. From 3.1 it lives in the conditioner graph (run once per request); 3.0.0 had it
  inside the transformer graph (`DiTGraph`, exported with `v3.export --fused`).
- DiT: per-frame latent tokens (8 cells on the shorter side), grounding from the layout (each token
  sees its two nearest objects: offset, colour, shape, size), spatial self-attention in each frame,
  adaLN-zero on the timestep (text arrives only through the layout). x-prediction converted to flow velocity in the graph.
- Decoder: each latent cell sees its 5x5 neighbourhood and emits palette logits for 8x8 pixels; the
  logits are resized (bilinear) to the asked output size before the palette softmax, so one set of
  latents draws 64x64 up to 256x256 (and 256x144) with crisp edges.
- The latents themselves are linear (v3/pca_latents.py: PCA of each cell's coverage plus its colour);
  the learned encoders tried first are in REPORT-3.0.md and git history.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

from nets.autoencoder import neighbourhood
from nets.dit import timestep_features
from nets.layers import MLP, Attention, padding_bias
from nets.text_encoder import Block
from shapeworld.vocab import PALETTE
from shapeworld.world2 import (BOX_TABLE, CANDIDATES, CIRCLE_RADIUS, CODES, MAX_GROUP, MAX_SPAN, MAX_THINGS, MIN_SPACING,
                               NOISE_PER_THING, ORBIT_JITTER, ORBIT_RADIUS, ROW_SLACK, SPACING)

LATENT = 16
NUM_CLASSES = len(PALETTE)
DEC_SUB = 8  # decoder pixels per latent cell (each way) before the resize
MAX_LENGTH = 48
HEAD = {"color": 8, "shape": 3, "count": 5, "formation": 4, "path": 4, "start": len(CODES), "end": len(CODES)}
HEAD_DIM = sum(HEAD.values())
NOISE_DIM = CANDIDATES * MAX_THINGS * NOISE_PER_THING


class TextEncoder(nn.Module):
    def __init__(self, vocab_size, dim=128, heads=4, max_length=MAX_LENGTH, num_slots=MAX_THINGS,
                 word_layers=2, slot_layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.pos = nn.Parameter(torch.randn(max_length, dim) * 0.02)
        self.words = nn.ModuleList([Block(dim, heads) for _ in range(word_layers)])
        self.word_norm = nn.LayerNorm(dim)
        self.slots = nn.Parameter(torch.randn(num_slots, dim) * 0.02)
        self.slot_blocks = nn.ModuleList([Block(dim, heads, cross=True) for _ in range(slot_layers)])
        self.out_norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, HEAD_DIM)

    def forward(self, input_ids, attention_mask):
        x = self.embed(input_ids) + self.pos[: input_ids.shape[1]]
        bias = padding_bias(attention_mask)
        for block in self.words:
            x = block(x, bias=bias)
        words = self.word_norm(x)
        s = self.slots[None].expand(input_ids.shape[0], -1, -1)
        for block in self.slot_blocks:
            s = block(s, context=words, context_bias=bias)
        return self.out_norm(s)


def split_head(out):
    """[..., HEAD_DIM] -> dict of logits per field."""
    parts, i = {}, 0
    for k, n in HEAD.items():
        parts[k] = out[..., i:i + n]
        i += n
    return parts


class Layout(nn.Module):
    """Torch twin of shapeworld.world2.layout for a batch of programs (argmax of the parse head)."""

    def __init__(self):
        super().__init__()
        self.register_buffer("boxes", torch.tensor(BOX_TABLE), persistent=False)  # [codes, 4]
        centres = torch.stack([(self.boxes[:, 0] + self.boxes[:, 1]) / 2, (self.boxes[:, 2] + self.boxes[:, 3]) / 2], -1)
        self.register_buffer("box_centres", centres, persistent=False)

    def forward(self, prog, u, frames, ax, ay):
        """prog: dict of long [B, M] (color 0 = no thing; count 1..5), u [B, M, 8] uniform,
        frames: int tensor, ax/ay: width/height over the shorter side (float tensors).
        Returns centres [B, M*5, F, 2], valid [B, M*5] (float), colour [B, M*5] (1..7),
        shape [B, M*5] (0..2), size [B]."""
        present = (prog["color"] > 0).float()                       # [B, M]
        n = prog["count"].float() * present                          # [B, M]
        total = n.sum(1)
        s = torch.where(total <= 2, torch.full_like(total, 0.2), torch.full_like(total, 1.0 / 7.0))[:, None]  # [B, 1]
        form, path = prog["formation"], prog["path"]
        is_col = (form == 2).float()
        is_circle = (form == 3).float()
        group = (n > 1).float()
        extent = is_col * ay + (1 - is_col) * ax                     # [B, M]
        nm1 = (n - 1).clamp(min=1)
        sp = torch.minimum((SPACING[0] + (SPACING[1] - SPACING[0]) * u[..., 4]) * s,
                           torch.maximum(MIN_SPACING * s, MAX_SPAN * extent / nm1))
        # centre path endpoints
        sb, eb = self.boxes[prog["start"]], self.boxes[prog["end"]]  # [B, M, 4]
        start = torch.stack([sb[..., 0] + (sb[..., 1] - sb[..., 0]) * u[..., 0], sb[..., 2] + (sb[..., 3] - sb[..., 2]) * u[..., 1]], -1)
        end = torch.stack([eb[..., 0] + (eb[..., 1] - eb[..., 0]) * u[..., 0], eb[..., 2] + (eb[..., 3] - eb[..., 2]) * u[..., 1]], -1)
        half_span = (n - 1) / 2 * sp / extent
        margin = (0.55 * s + 0.04) / extent
        slack = (0.5 - margin - half_span).clamp(min=0.0, max=ROW_SLACK)
        c = 0.5 + (u[..., 5] - 0.5) * 2 * slack                      # [B, M]
        lined = group * (1 - is_circle)
        fix_x = lined * (1 - is_col)
        fix_y = lined * is_col
        start = torch.stack([start[..., 0] * (1 - fix_x) + c * fix_x, start[..., 1] * (1 - fix_y) + c * fix_y], -1)
        end = torch.stack([end[..., 0] * (1 - fix_x) + c * fix_x, end[..., 1] * (1 - fix_y) + c * fix_y], -1)
        idx = torch.arange(frames, dtype=torch.float32)
        t = idx / (frames.float() - 1).clamp(min=1)                   # [F]
        k_line = t[None, None, :, None]
        k_back = ((1 - (2 * t - 1).abs()) * (frames.float() - 1) / (frames.float() - 2).clamp(min=1)).clamp(max=1.0)[None, None, :, None]
        still = start[..., None, :].expand(*start.shape[:2], t.shape[0], 2)
        line = start[..., None, :] * (1 - k_line) + end[..., None, :] * k_line
        back = start[..., None, :] * (1 - k_back) + end[..., None, :] * k_back
        # orbit: one turn from the start place's angle (cos/sin by normalising, no atan2)
        sc = self.box_centres[prog["start"]]                          # [B, M, 2]
        dx, dy = (sc[..., 0] - 0.5) * torch.sqrt(ax), (sc[..., 1] - 0.5) * torch.sqrt(ay)
        norm = torch.sqrt(dx * dx + dy * dy).clamp(min=1e-6)
        c0, s0 = dx / norm, dy / norm
        phi = (u[..., 7] - 0.5) * 2 * ORBIT_JITTER
        ca, sa = c0 * torch.cos(phi) - s0 * torch.sin(phi), s0 * torch.cos(phi) + c0 * torch.sin(phi)
        turn = 2 * math.pi * idx / frames.float()                     # [F]
        ct, st = torch.cos(turn), torch.sin(turn)
        cos_a = ca[..., None] * ct - sa[..., None] * st
        sin_a = sa[..., None] * ct + ca[..., None] * st
        r = (ORBIT_RADIUS[0] + (ORBIT_RADIUS[1] - ORBIT_RADIUS[0]) * u[..., 6])[..., None]
        orbit = torch.stack([0.5 + r * cos_a / ax, 0.5 + r * sin_a / ay], -1)
        w = [(path == i).float()[..., None, None] for i in range(4)]
        centre = w[0] * still + w[1] * line + w[2] * orbit + w[3] * back  # [B, M, F, 2]
        # member offsets [B, M, 5, 2]
        k = torch.arange(MAX_GROUP, dtype=torch.float32)
        along = (k[None, None] - (n[..., None] - 1) / 2) * (sp / extent)[..., None]   # [B, M, 5]
        row_off = torch.stack([along * (1 - is_col)[..., None], along * is_col[..., None]], -1)
        rc = CIRCLE_RADIUS[0] + (CIRCLE_RADIUS[1] - CIRCLE_RADIUS[0]) * u[..., 6]
        ang = u[..., 7, None] * 2 * math.pi / n.clamp(min=1)[..., None] + 2 * math.pi * k[None, None] / n.clamp(min=1)[..., None]
        circ_off = torch.stack([rc[..., None] * torch.cos(ang) / ax, rc[..., None] * torch.sin(ang) / ay], -1)
        off = (circ_off * is_circle[..., None, None] + row_off * (1 - is_circle)[..., None, None]) * group[..., None, None]
        centres = centre[:, :, None] + off[..., None, :]               # [B, M, 5, F, 2]
        valid = (k[None, None] < n[..., None]).float() * present[..., None]
        b, m = n.shape
        colour = prog["color"][..., None].expand(b, m, MAX_GROUP)
        shape = prog["shape"][..., None].expand(b, m, MAX_GROUP)
        return (centres.reshape(b, m * MAX_GROUP, -1, 2), valid.reshape(b, -1), colour.reshape(b, -1),
                shape.reshape(b, -1), s[:, 0])


def spread(centres, valid, size, ax, ay):
    """Smallest centre distance between two valid objects over all frames, in object sizes: [N]
    (1e4 with fewer than two objects). The torch twin of world2.min_gap."""
    pts = centres * torch.stack([ax, ay])                              # [N, O, F, 2]
    diff = pts[:, :, None] - pts[:, None]                              # [N, O, O, F, 2]
    d = torch.sqrt((diff * diff).sum(-1)).min(-1)[0]                   # [N, O, O]
    o = valid.shape[1]
    pair = valid[:, :, None] * valid[:, None, :] * (1 - torch.eye(o))[None]
    return (d + (1 - pair) * 1e4).flatten(1).min(-1)[0] / size


def choose_layout(layout, prog, u_all, frames, ax, ay):
    """Lay out every candidate noise u_all [B, K, M, 8] and keep, per item, the one whose objects
    stay furthest apart (world2.choose). Returns layout()'s tuple for the chosen candidates."""
    b, k = u_all.shape[:2]
    rep = {key: v[:, None].expand(b, k, v.shape[1]).reshape(b * k, v.shape[1]) for key, v in prog.items()}
    centres, valid, colour, shape, size = layout(rep, u_all.reshape(b * k, *u_all.shape[2:]), frames, ax, ay)
    best = spread(centres, valid, size, ax, ay).reshape(b, k).argmax(1)   # [B]
    centres = centres.reshape(b, k, *centres.shape[1:])
    pick = best[:, None, None, None, None].expand(b, 1, *centres.shape[2:])
    chosen = torch.gather(centres, 1, pick)[:, 0]
    first = lambda v: v.reshape(b, k, *v.shape[1:])[:, 0]
    return chosen, first(valid), first(colour), first(shape), first(size)


def programs_from_head(out):
    """Parse head output [B, M, HEAD_DIM] -> dict of long [B, M] (argmax; count as 1..5)."""
    p = split_head(out)
    prog = {k: v.argmax(-1) for k, v in p.items()}
    prog["count"] = prog["count"] + 1
    return prog


class DiTBlock(nn.Module):
    def __init__(self, dim, heads, mlp_ratio):
        super().__init__()
        self.n1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.n2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = MLP(dim, int(dim * mlp_ratio))
        self.ada = nn.Linear(dim, 6 * dim)
        nn.init.zeros_(self.ada.weight); nn.init.zeros_(self.ada.bias)

    def forward(self, x, c):
        s1, g1, b1, s2, g2, b2 = self.ada(F.silu(c))[:, None].chunk(6, -1)
        x = x + g1 * self.attn(self.n1(x) * (1 + s1) + b1)
        return x + g2 * self.mlp(self.n2(x) * (1 + s2) + b2)


SIGMA_MIN = 0.05
GROUND_FEATS = 2 + 1 + 7 + 3 + 1
NEAREST = 3
PATCH = 2  # a token is 2x2 latent cells (16x16 pixels of the 64-pixel canvas)


class DiT(nn.Module):
    def __init__(self, dim=128, depth=4, heads=4, mlp_ratio=2.5):
        super().__init__()
        self.embed = nn.Linear(LATENT * PATCH * PATCH, dim)
        self.row_pos = nn.Parameter(torch.zeros(1, 8, 1, dim))
        self.col_pos = nn.Parameter(torch.zeros(1, 1, 8, dim))
        nn.init.normal_(self.row_pos, std=0.02); nn.init.normal_(self.col_pos, std=0.02)
        self.t_mlp = nn.Sequential(nn.Linear(256, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.ground_mlp = nn.Sequential(nn.Linear(GROUND_FEATS, dim), nn.SiLU(), nn.Linear(dim, dim))
        self.blocks = nn.ModuleList([DiTBlock(dim, heads, mlp_ratio) for _ in range(depth)])
        self.final_norm = nn.LayerNorm(dim, eps=1e-6)
        self.final_ada = nn.Linear(dim, 2 * dim)
        self.out = nn.Linear(dim, LATENT * PATCH * PATCH)
        for m in (self.final_ada, self.out):
            nn.init.zeros_(m.weight); nn.init.zeros_(m.bias)

    def grounding(self, centres, valid, colour, shape, size, h, w):
        """centres [N, O, 2] (one frame each), valid/colour/shape [N, O], size [N] -> [N, tokens, dim]
        for the h x w latent grid's 2x2-cell tokens."""
        short = min(h, w) if isinstance(h, int) else torch.minimum(h, w)
        th, tw = h // PATCH, w // PATCH
        ys = (torch.arange(th, dtype=torch.float32) + 0.5) / th
        xs = (torch.arange(tw, dtype=torch.float32) + 0.5) / tw
        ax, ay = w / short, h / short
        tok = torch.stack([xs[None, :].expand(th, tw), ys[:, None].expand(th, tw)], -1).reshape(-1, 2)  # [T, 2]
        d = (tok[None, :, None] - centres[:, None]) * torch.stack([torch.as_tensor(ax, dtype=torch.float32),
                                                                   torch.as_tensor(ay, dtype=torch.float32)])
        d = d / size[:, None, None, None]                            # object sizes
        dist = (d * d).sum(-1) + (1 - valid[:, None]) * 1e4          # [N, T, O]
        _, near = torch.topk(-dist, NEAREST, dim=-1)                 # [N, T, k]
        gather = lambda v: torch.gather(v, 2, near)
        dk = torch.stack([gather(d[..., 0]), gather(d[..., 1])], -1)  # [N, T, k, 2]
        vk = gather(valid[:, None].expand_as(dist))
        ck = gather(colour[:, None].expand_as(dist).float())
        sk = gather(shape[:, None].expand_as(dist).float())
        r2 = (dk * dk).sum(-1, keepdim=True)
        feats = torch.cat([dk.clamp(-3, 3), torch.exp(-r2), F.one_hot((ck - 1).clamp(min=0).long(), 7).float(),
                           F.one_hot(sk.long(), 3).float(), (size * 5)[:, None, None, None].expand(*dk.shape[:3], 1)], -1)
        return (self.ground_mlp(feats) * vk[..., None]).sum(2)

    def denoise(self, x, t, ground):
        """x [N, C, h, w] one frame each, t [N], ground [N, tokens, dim] -> x0 [N, C, h, w]. The text
        reaches the denoiser only through the layout (an empty prompt: no objects, no grounding)."""
        n, c, h, w = x.shape
        th, tw = h // PATCH, w // PATCH
        patches = x.reshape(n, c, th, PATCH, tw, PATCH).permute(0, 2, 4, 1, 3, 5).reshape(n, th, tw, c * PATCH * PATCH)
        tok = self.embed(patches) + self.row_pos[:, :th] + self.col_pos[:, :, :tw]
        tok = tok.reshape(n, th * tw, -1) + ground
        cond = self.t_mlp(timestep_features(t))
        for block in self.blocks:
            tok = block(tok, cond)
        shift, scale = self.final_ada(F.silu(cond))[:, None].chunk(2, -1)
        out = self.out(self.final_norm(tok) * (1 + scale) + shift)
        return out.reshape(n, th, tw, c, PATCH, PATCH).permute(0, 3, 1, 4, 2, 5).reshape(n, c, h, w)


def frame_grounding(dit, head, layout, dims, encoder_hidden_states, layout_noise):
    """Everything before denoising that depends on the prompt, the seed and the format only: parse the
    programs, lay them out (best of CANDIDATES), ground every frame's tokens -> [B*F, tokens, dim].
    `dims`: the latents' shape (B, C, F, h, w)."""
    b, c, f, h, w = dims
    prog = programs_from_head(head(encoder_hidden_states))
    u = 0.5 * (1 + torch.erf(layout_noise / math.sqrt(2))).reshape(b, CANDIDATES, MAX_THINGS, NOISE_PER_THING)
    hf, wf = torch.tensor(h, dtype=torch.float32), torch.tensor(w, dtype=torch.float32)
    short = torch.minimum(hf, wf)
    centres, valid, colour, shape, size = choose_layout(layout, prog, u, torch.tensor(f), wf / short, hf / short)
    # one frame per item: [B*F, O, 2]
    o = centres.shape[1]
    cf = centres.permute(0, 2, 1, 3).reshape(b * f, o, 2)
    rep = lambda v: v[:, None].expand(b, f, *v.shape[1:]).reshape(b * f, *v.shape[1:])
    return dit.grounding(cf, rep(valid), rep(colour), rep(shape), rep(size), h, w)


def velocity(dit, hidden_states, timestep, ground, dims):
    """Denoise every frame given its grounding [B*F, tokens, dim] -> flow velocity [B, C, F, h, w]."""
    b, c, f, h, w = dims
    x = hidden_states.permute(0, 2, 1, 3, 4).reshape(b * f, c, h, w)
    t = timestep.float()[:, None].expand(b, f).reshape(b * f)
    x0 = dit.denoise(x, t, ground)
    x0 = x0.reshape(b, f, c, h, w).permute(0, 2, 1, 3, 4)
    sigma = (timestep.float() / 1000.0).clamp(min=SIGMA_MIN).reshape(-1, 1, 1, 1, 1)
    return (hidden_states - x0) / sigma


class DiTGraph(nn.Module):
    """3.0.0's transformer: (hidden_states [B, C, F, h, w], timestep [B], encoder_hidden_states [B, 4, 128],
    layout_noise [B, 32]) -> velocity, laying the scene out again at every step. Holds a frozen copy of the
    parse head."""

    def __init__(self, dit, head):
        super().__init__()
        self.dit, self.head, self.layout = dit, head, Layout()

    def forward(self, hidden_states, timestep, encoder_hidden_states, layout_noise):
        dims = hidden_states.shape
        ground = frame_grounding(self.dit, self.head, self.layout, dims, encoder_hidden_states, layout_noise)
        return velocity(self.dit, hidden_states, timestep, ground, dims)


class ConditionerGraph(nn.Module):
    """3.1's conditioner, run once per request: (encoder_hidden_states [B, 4, 128], hidden_states
    [B, C, F, h, w] (its shape), layout_noise [B, 512]) -> conditioning [B, F, tokens, dim], each frame's
    grounded tokens."""

    def __init__(self, dit, head):
        super().__init__()
        self.dit, self.head, self.layout = dit, head, Layout()

    def forward(self, encoder_hidden_states, hidden_states, layout_noise):
        dims = hidden_states.shape
        ground = frame_grounding(self.dit, self.head, self.layout, dims, encoder_hidden_states, layout_noise)
        return ground.reshape(dims[0], dims[2], ground.shape[1], ground.shape[2])


class TransformerGraph(nn.Module):
    """3.1's transformer: (hidden_states [B, C, F, h, w], timestep [B], encoder_hidden_states = the
    conditioner's [B, F, tokens, dim]) -> velocity."""

    def __init__(self, dit):
        super().__init__()
        self.dit = dit

    def forward(self, hidden_states, timestep, encoder_hidden_states):
        dims = hidden_states.shape
        b, f, n, d = encoder_hidden_states.shape
        return velocity(self.dit, hidden_states, timestep, encoder_hidden_states.reshape(b * f, n, d), dims)


class Decoder(nn.Module):
    """Latents [N, 16, h, w] -> palette logits [N, 8, 8h, 8w] (64 pixels on the shorter side);
    `forward` resizes the logits (bilinear) to the asked size before the palette softmax, so edges
    stay crisp at 128 and 256 pixels and corners round off only at the scale of the logit grid."""

    def __init__(self, hidden=384, sharpness=2.0):
        super().__init__()
        self.sharpness = sharpness
        self.net = nn.Sequential(nn.Linear(25 * (LATENT + 1), hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, NUM_CLASSES * DEC_SUB * DEC_SUB))
        self.register_buffer("palette", torch.tensor(PALETTE, dtype=torch.float32) / 127.5 - 1.0)

    def logits(self, z):
        n, _, h, w = z.shape
        inside = torch.ones_like(z[:, :1])
        feats = neighbourhood(torch.cat([z, inside], 1), 5)
        out = self.net(feats).transpose(1, 2).reshape(n, NUM_CLASSES * DEC_SUB * DEC_SUB, h, w)
        return F.pixel_shuffle(out, DEC_SUB)

    def forward(self, z, height, width):
        logits = F.interpolate(self.logits(z), size=(height, width), mode="bilinear", align_corners=False)
        probs = (logits * self.sharpness).softmax(1)
        return torch.einsum("nkhw,kc->nchw", probs, self.palette)
