"""Sampling model 3.0 in PyTorch (Euler on the shift-3 flow schedule, CFG), for evaluation during
training and for the decoder's fine-tuning on the denoiser's own latents. The shipped path is the
ONNX package in onnxruntime-node (UniPC); this mirrors it closely enough to choose settings.
"""
import json

import torch

from sktrain import tokenizer
from v3.nets import LATENT, MAX_LENGTH, NOISE_DIM, ConditionerGraph, Decoder, DiT, TextEncoder, TransformerGraph

SHIFT = 3.0


class Model:
    def __init__(self, text_path, dit_path, decoder_path, stats_path, use_ema=True):
        ck = torch.load(text_path)
        self.vocab = ck["vocab"]
        self.text = TextEncoder(len(self.vocab)); self.text.load_state_dict(ck["model"]); self.text.eval()
        dk = torch.load(dit_path)
        self.dit = DiT(); self.dit.load_state_dict(dk["ema" if use_ema else "model"]); self.dit.eval()
        self.step = dk["step"]
        self.decoder = Decoder(); self.decoder.load_state_dict(torch.load(decoder_path)["decoder"]); self.decoder.eval()
        stats = json.load(open(stats_path))
        self.mean = torch.tensor(stats["latents_mean"])[None, :, None, None, None]
        self.std = torch.tensor(stats["latents_std"])[None, :, None, None, None]
        # As the shipped package runs them: the layout and grounding once per video, then the denoiser.
        self.conditioner = ConditionerGraph(self.dit, self.text.head).eval()
        self.transformer = TransformerGraph(self.dit).eval()

    @torch.no_grad()
    def encode(self, texts):
        enc = [tokenizer.encode(self.vocab, t, MAX_LENGTH) for t in texts]
        ids = torch.tensor([e[0] for e in enc]); mask = torch.tensor([e[1] for e in enc])
        return self.text(ids, mask)

    @torch.no_grad()
    def latents(self, prompt, width, height, frames, seed, steps=20, guidance=2.0):
        """Denoised (normalised) latents [1, 8, F, h, w]."""
        short = min(width, height)
        h, w = round(8 * height / short), round(8 * width / short)
        g = torch.Generator().manual_seed(seed)
        x = torch.randn(1, LATENT, frames, h, w, generator=g)
        noise = torch.randn(1, NOISE_DIM, generator=g)
        texts = self.encode([prompt] if guidance == 1 else [prompt, ""])
        n = texts.shape[0]
        ground = self.conditioner(texts, x.expand(n, *x.shape[1:]), noise.expand(n, -1))
        t = torch.linspace(1, 0, steps + 1)
        sig = SHIFT * t / (1 + (SHIFT - 1) * t)
        for i in range(steps):
            s = sig[i].reshape(1) * 1000
            if guidance == 1:
                v = self.transformer(x, s, ground)
            else:
                v2 = self.transformer(torch.cat([x, x]), s.repeat(2), ground)
                v = v2[1:] + guidance * (v2[:1] - v2[1:])
            x = x + (sig[i + 1] - sig[i]) * v
        return x

    @torch.no_grad()
    def decode(self, x, width, height):
        z = x * self.std + self.mean
        b, c, f, h, w = z.shape
        rgb = self.decoder(z.transpose(1, 2).reshape(b * f, c, h, w), height, width)
        return ((rgb.clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()  # [F, H, W, 3]

    def generate(self, prompt, width=64, height=64, frames=16, seed=1, steps=20, guidance=2.0):
        return self.decode(self.latents(prompt, width, height, frames, seed, steps, guidance), width, height)
