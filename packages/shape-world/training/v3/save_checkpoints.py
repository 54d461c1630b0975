"""Write the small committed copies of model 3.0's components into artifacts/checkpoints-3.0/: what
`recipes/3.0.0.sh` exports and `train_dit --resume` continues from on a fresh clone. The exported
weights (text encoder, DiT EMA, decoder) stay fp32 so the package rebuilds byte for byte; the DiT's
raw weights are fp16; the latent's PCA basis (the encoder) is a small JSON; no optimizer state.

usage: python3 -m v3.save_checkpoints [--dit runs/v3/dit.pt] [--decoder runs/v3/decoder_ft.pt]
"""
import argparse
import json
import os
import shutil

import torch

from sktrain.paths import ARTIFACTS, RUNS

OUT = ARTIFACTS / "checkpoints-3.0"


def half(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dit", default=str(RUNS / "v3" / "dit.pt"))
    ap.add_argument("--decoder", default=str(RUNS / "v3" / "decoder_ft.pt"))
    ap.add_argument("--text", default=str(RUNS / "v3" / "text.pt"))
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    te = torch.load(args.text)
    torch.save({"model": te["model"], "vocab": te["vocab"], "step": te["step"]}, OUT / "text.pt")
    dit = torch.load(args.dit)
    torch.save({"model": half(dit["model"]), "ema": dit["ema"], "step": dit["step"]}, OUT / "dit.pt")
    dec = torch.load(args.decoder)
    torch.save({"decoder": dec["decoder"], "step": dec.get("step")}, OUT / "decoder.pt")
    shutil.copy(RUNS / "v3" / "latent_stats_pca.json", OUT / "latent_stats.json")
    shutil.copy(RUNS / "v3" / "pca.json", OUT / "pca.json")
    print(json.dumps({"text_step": te["step"], "dit_step": dit["step"], "decoder": args.decoder}))


if __name__ == "__main__":
    main()
