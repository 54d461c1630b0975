#!/usr/bin/env bash
# The model card's GIFs, drawn by the embedded model (or MODEL_DIR): one per construct, seed 1, 24
# frames at 128x128 unless noted, into docs/<model_version>/; and example-1.gif (DESIGN.md's example,
# seed 3, the model's default 64x64 x 16 frames). Run from anywhere: bash gpu-runner/models/docs/make-gifs.sh
set -euo pipefail
docs="$(cd "$(dirname "$0")" && pwd)"
model="${MODEL_DIR:-$docs/../shape-world-tiny}"
version="$(node -p "require('$model/model_index.json').model_version")"
out="$docs/${version%.*}"
mkdir -p "$out"
gif() { # NAME SEED SIZE PROMPT
  npx sketchreel generate "$4" --model "$model" --seed "$2" --size "$3" --frames 24 -o "$out/$1.gif" >/dev/null
  echo "$out/$1.gif: $4"
}
gif case-1 1 128x128 "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right."
gif case-2 1 128x128 "Three red balls in a row slide from the top to the bottom."
gif case-3 1 128x128 "A white ball stands in the middle of a circle of five yellow dots."
gif row 1 128x128 "A row of four green squares along the bottom."
gif column 1 128x128 "Three blue dots in a column on the left."
gif between 1 128x128 "A red ball sits between a blue square and a green triangle."
gif orbit 1 128x128 "A green ball circles around the center, starting at the left."
gif back-and-forth 1 128x128 "A red ball moves back and forth between the left and the right."
gif relation 1 128x128 "A red ball is above a blue square."
gif wide 1 256x144 "Three yellow triangles in a row rise from the bottom to the top while a blue cube stays on the right."
gif seed-1 1 128x128 "Two purple balls in a row stay at the bottom while a green triangle moves from the left to the right."
gif seed-2 2 128x128 "Two purple balls in a row stay at the bottom while a green triangle moves from the left to the right."
npx sketchreel generate "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right." \
  --model "$model" --seed 3 -o "$docs/example-1.gif" >/dev/null
echo "$docs/example-1.gif"
