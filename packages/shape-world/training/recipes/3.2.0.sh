#!/usr/bin/env bash
# shape-world-tiny 3.2.0, the shipped model package: 3.1.0's graphs (a conditioner lays the scene out
# once per request) with the DiT trained on from step 7 150 to 15 000 (a cosine learning-rate decay)
# and the decoder fine-tuned twice on its samples (artifacts/checkpoints-3.2/); the text encoder and
# the latent statistics are 3.0's (artifacts/checkpoints-3.0/). Byte for byte the package in
# gpu-runner/models/shape-world-tiny/. About 10 s.
#
# usage: recipes/3.2.0.sh [OUT_DIR] [--check PACKAGE_DIR]   (see rebuild.sh)
recipe=3.2.0.sh
export_to() {
  local ck30="$training/artifacts/checkpoints-3.0" ck32="$training/artifacts/checkpoints-3.2"
  (cd "$training" && "$python" -m v3.export --out "$1" --version 3.2.0 --guidance "${GUIDANCE:-2}" \
    --sharpness 4 --text "$ck30/text.pt" --dit "$ck32/dit.pt" --decoder "$ck32/decoder.pt" \
    --stats "$ck30/latent_stats.json")
}
source "$(dirname "$0")/rebuild.sh"
