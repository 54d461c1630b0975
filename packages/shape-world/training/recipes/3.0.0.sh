#!/usr/bin/env bash
# shape-world-tiny 3.0.0 (world v2), rebuilt from the committed checkpoints (artifacts/checkpoints-3.0/:
# text encoder, DiT EMA, the decoder fine-tuned on DiT samples, latent statistics). Byte for byte the
# package 3.0.0 shipped (git history): its transformer lays the scene out at every step (`--fused`).
# About 10 s.
#
# usage: recipes/3.0.0.sh [OUT_DIR] [--check PACKAGE_DIR]   (see rebuild.sh)
recipe=3.0.0.sh
export_to() {
  local ck="$training/artifacts/checkpoints-3.0"
  (cd "$training" && "$python" -m v3.export --out "$1" --version 3.0.0 --fused --guidance "${GUIDANCE:-2}" \
    --sharpness 4 --text "$ck/text.pt" --dit "$ck/dit.pt" --decoder "$ck/decoder.pt" --stats "$ck/latent_stats.json")
}
source "$(dirname "$0")/rebuild.sh"
