"""Write the small committed copies of model 3.x's components: what the recipes export and
`train_dit --resume` continues from on a fresh clone. The exported weights (text encoder, DiT EMA,
decoder) stay fp32 so the package rebuilds byte for byte; the DiT's raw weights are fp16; the
latent's PCA basis (the encoder) is a small JSON; no optimizer state.

usage: python3 -m v3.save_checkpoints [--dit runs/v3/dit.pt] [--decoder runs/v3/decoder_ft.pt]
       [--out artifacts/checkpoints-3.0] [--only text,dit,decoder,latent]
  --only: just these parts (a release that changes some components keeps the others where they are)
"""
import argparse
import json
import os
import shutil
from pathlib import Path

import torch

from sktrain.paths import ARTIFACTS, RUNS

PARTS = ("text", "dit", "decoder", "latent")


def half(state):
    return {k: v.half() if v.is_floating_point() else v for k, v in state.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dit", default=str(RUNS / "v3" / "dit.pt"))
    ap.add_argument("--decoder", default=str(RUNS / "v3" / "decoder_ft.pt"))
    ap.add_argument("--text", default=str(RUNS / "v3" / "text.pt"))
    ap.add_argument("--out", default=str(ARTIFACTS / "checkpoints-3.0"))
    ap.add_argument("--only", default=",".join(PARTS))
    args = ap.parse_args()
    parts = set(args.only.split(","))
    if not parts <= set(PARTS):
        ap.error(f"--only takes {', '.join(PARTS)}")
    out = Path(args.out)
    os.makedirs(out, exist_ok=True)
    done = {}
    if "text" in parts:
        te = torch.load(args.text)
        torch.save({"model": te["model"], "vocab": te["vocab"], "step": te["step"]}, out / "text.pt")
        done["text_step"] = te["step"]
    if "dit" in parts:
        dit = torch.load(args.dit)
        torch.save({"model": half(dit["model"]), "ema": dit["ema"], "step": dit["step"]}, out / "dit.pt")
        done["dit_step"] = dit["step"]
    if "decoder" in parts:
        dec = torch.load(args.decoder)
        torch.save({"decoder": dec["decoder"], "step": dec.get("step")}, out / "decoder.pt")
        done["decoder"] = args.decoder
    if "latent" in parts:
        shutil.copy(RUNS / "v3" / "latent_stats_pca.json", out / "latent_stats.json")
        shutil.copy(RUNS / "v3" / "pca.json", out / "pca.json")
        done["latent"] = True
    print(json.dumps({"out": str(out), **done}))


if __name__ == "__main__":
    main()
