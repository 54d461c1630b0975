"""Write the small committed copies of the trained components into artifacts/checkpoints/ (no optimizer
state; fp16 except for what the package exports: the DiT's EMA and the decoder stay fp32): what
`train_dit.py --resume`, evaluation and export fall back to on a fresh clone.

usage: save_checkpoints.py [--ae runs/autoencoder.pt] [--dit runs/dit.pt]   (+ runs/text_encoder.pt, runs/latent_stats.json)

Pass the shipped components, so that a fresh clone re-exports exactly the shipped package.
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import argparse
import json
import shutil

import torch

from sktrain.paths import CHECKPOINTS, RUNS


def half(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ae", default=str(RUNS / "autoencoder.pt"), help="the shipped decoder's checkpoint")
    ap.add_argument("--dit", default=str(RUNS / "dit.pt"), help="the shipped DiT's checkpoint")
    args = ap.parse_args()
    te = torch.load(RUNS / "text_encoder.pt")
    torch.save({"model": te["model"], "vocab": te["vocab"], "config": te["config"], "step": te["step"]},
               CHECKPOINTS / "text_encoder.pt")
    ae = torch.load(args.ae)
    torch.save({"encoder": half(ae["encoder"]), "decoder": ae["decoder"], "step": ae["step"]},
               CHECKPOINTS / "autoencoder.pt")
    dit = torch.load(args.dit)
    torch.save({"model": half(dit["model"]), "ema": dit["ema"], "step": dit["step"],
                "elapsed": dit["elapsed"], "config": dit["config"]}, CHECKPOINTS / "dit.pt")
    shutil.copy(RUNS / "latent_stats.json", CHECKPOINTS / "latent_stats.json")
    print(json.dumps({"text_encoder_step": te["step"], "autoencoder_step": ae["step"], "dit_step": dit["step"]}))


if __name__ == "__main__":
    main()
