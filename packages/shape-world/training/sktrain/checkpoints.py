"""Loading the trained components (used by training, evaluation and export)."""
import json
import os

import torch

from nets.autoencoder import LATENT, Decoder
from nets.dit import DiT
from nets.text_encoder import TextEncoder

from .paths import CHECKPOINTS, RUNS

DIT_CONFIG = {"channels": LATENT, "dim": 128, "depth": 4, "heads": 4, "mlp_ratio": 2.5, "predict": "x",
              "ground": True}


# Logit scale of the shipped decoder: measure_autoencoder.py on held-out clips (REPORT.md).
DECODER_SHARPNESS = 2.0


def _first(name, *more):
    """runs/ (local training) wins over artifacts/checkpoints/ (the small committed copies of the
    shipped components). `name` is the committed copy's; `more` are runs/ names tried first."""
    paths = [RUNS / n for n in (*more, name)] + [CHECKPOINTS / name]
    return str(next((p for p in paths if os.path.exists(p)), paths[-1]))


def load_text_encoder(path=None):
    ck = torch.load(path or _first("text_encoder.pt"))
    model = TextEncoder(ck["config"]["vocab_size"])
    model.load_state_dict(ck["model"])
    return model.eval().requires_grad_(False), ck["vocab"]


def load_decoder(path=None, sharpness=DECODER_SHARPNESS):
    """The decoder fine-tuned on the frozen encoder's latents if present, else the joint one."""
    path = path or _first("autoencoder.pt", "autoencoder_ft.pt")
    dec = Decoder(sharpness=sharpness)
    dec.load_state_dict(torch.load(path)["decoder"])
    return dec.eval().requires_grad_(False)


def load_stats(path=None):
    """Per-channel latent statistics, fixed when the first latents were encoded."""
    s = json.load(open(path or _first("latent_stats.json")))
    view = lambda k: torch.tensor(s[k]).view(1, -1, 1, 1, 1)
    return view("latents_mean"), view("latents_std")


def read_dit_checkpoint(path=None):
    """A DiT checkpoint with its weights as float32 (the committed copies are fp16)."""
    ck = torch.load(path or _first("dit.pt"))
    for key in ("model", "ema"):
        ck[key] = {k: v.float() for k, v in ck[key].items()}
    return ck


def load_dit(path=None, ema=True):
    ck = read_dit_checkpoint(path)
    model = DiT(**dict({"predict": "v"}, **ck.get("config", DIT_CONFIG)))  # older checkpoints: v
    model.load_state_dict(ck["ema" if ema else "model"])
    return model.eval().requires_grad_(False), ck
