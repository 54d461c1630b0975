"""Loading the trained components (used by training, evaluation and export)."""
import json
import os

import torch

from models.autoencoder import LATENT, Decoder
from models.dit import DiT
from models.text_encoder import TextEncoder

DIT_CONFIG = {"channels": LATENT, "dim": 128, "depth": 4, "heads": 4, "mlp_ratio": 2.5}


def load_text_encoder(path="runs/text_encoder.pt"):
    ck = torch.load(path)
    model = TextEncoder(ck["config"]["vocab_size"])
    model.load_state_dict(ck["model"])
    return model.eval().requires_grad_(False), ck["vocab"]


def load_decoder(path=None):
    """The decoder fine-tuned on the frozen encoder's latents if present, else the joint one."""
    path = path or next(p for p in ("runs/autoencoder_ft.pt", "runs/autoencoder.pt") if os.path.exists(p))
    dec = Decoder()
    dec.load_state_dict(torch.load(path)["decoder"])
    return dec.eval().requires_grad_(False)


def load_stats(path="runs/latent_stats.json"):  # copy of data/latents/stats.json, fixed at first encode
    s = json.load(open(path))
    view = lambda k: torch.tensor(s[k]).view(1, -1, 1, 1, 1)
    return view("latents_mean"), view("latents_std")


def load_dit(path="runs/dit.pt", ema=True):
    ck = torch.load(path)
    model = DiT(**ck.get("config", DIT_CONFIG))
    model.load_state_dict(ck["ema" if ema else "model"])
    return model.eval().requires_grad_(False), ck
