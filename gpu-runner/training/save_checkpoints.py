"""Write the small committed copies of the trained components into checkpoints/ (fp16 weights, no
optimizer state): what `train_dit.py --resume`, evaluation and export fall back to on a fresh clone.

usage: save_checkpoints.py [--ae runs/autoencoder.pt]   (+ runs/text_encoder.pt, runs/dit.pt, runs/latent_stats.json)
"""
import argparse
import json
import shutil

import torch


def half(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ae", default="runs/autoencoder.pt", help="the shipped decoder's checkpoint")
    args = ap.parse_args()
    te = torch.load("runs/text_encoder.pt")
    torch.save({"model": te["model"], "vocab": te["vocab"], "config": te["config"], "step": te["step"]},
               "checkpoints/text_encoder.pt")
    ae = torch.load(args.ae)
    torch.save({"encoder": half(ae["encoder"]), "decoder": ae["decoder"], "step": ae["step"]},
               "checkpoints/autoencoder.pt")
    dit = torch.load("runs/dit.pt")
    torch.save({"model": half(dit["model"]), "ema": half(dit["ema"]), "step": dit["step"],
                "elapsed": dit["elapsed"], "config": dit["config"]}, "checkpoints/dit.pt")
    shutil.copy("runs/latent_stats.json", "checkpoints/latent_stats.json")
    print(json.dumps({"text_encoder_step": te["step"], "autoencoder_step": ae["step"], "dit_step": dit["step"]}))


if __name__ == "__main__":
    main()
