#!/usr/bin/env bash
# shape-world-tiny 2.1.0 (world v1), rebuilt from the committed checkpoints (artifacts/checkpoints/:
# text encoder, DiT EMA at step 9 600, 2.1.0's decoder, latent statistics). Byte for byte the package
# 2.1.0 shipped in gpu-runner/models/shape-world-tiny/ (git history). About 5 s on one CPU thread.
#
# usage: recipes/2.1.0.sh [OUT_DIR] [--check PACKAGE_DIR]   (see rebuild.sh)
recipe=2.1.0.sh
export_to() {
  local ck="$training/artifacts/checkpoints"
  "$python" "$training/scripts/export_package.py" --out "$1" --version 2.1.0 --guidance 2 \
    --text-encoder "$ck/text_encoder.pt" --ckpt "$ck/dit.pt" --decoder "$ck/autoencoder.pt" \
    --stats "$ck/latent_stats.json"
}
source "$(dirname "$0")/rebuild.sh"
