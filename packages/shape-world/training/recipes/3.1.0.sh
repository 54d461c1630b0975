#!/usr/bin/env bash
# shape-world-tiny 3.1.0, the shipped model package: 3.0.0's weights (artifacts/checkpoints-3.0/), with
# the scene layout and per-frame grounding in a conditioner graph run once per request instead of
# inside the transformer at every step. Draws the same frames as 3.0.0, byte for byte. Byte for byte
# the package in gpu-runner/models/shape-world-tiny/. About 10 s.
#
# usage: recipes/3.1.0.sh [OUT_DIR] [--check PACKAGE_DIR]   (see rebuild.sh)
recipe=3.1.0.sh
export_to() {
  local ck="$training/artifacts/checkpoints-3.0"
  (cd "$training" && "$python" -m v3.export --out "$1" --version 3.1.0 --guidance "${GUIDANCE:-2}" \
    --sharpness 4 --text "$ck/text.pt" --dit "$ck/dit.pt" --decoder "$ck/decoder.pt" --stats "$ck/latent_stats.json")
}
source "$(dirname "$0")/rebuild.sh"
