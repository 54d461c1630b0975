#!/usr/bin/env bash
# shape-world-tiny 2.1.0 from the start: REPORT.md "Reproduce / resume", 2.0.0 (session 2) then
# 2.1.0 (session 3), in order and with the report's arguments. Takes hours: never run by CI or tests.
#
# usage: INIT_AUTOENCODER=PATH INIT_DIT=PATH recipes/from-scratch.sh OUT_DIR
#   OUT_DIR           where the 2.1.0 package is exported (a new directory, e.g. under /tmp; compare it
#                     with gpu-runner/models/shape-world-tiny, or pass that to replace the served model)
#   INIT_AUTOENCODER  1.2.0's autoencoder and DiT (session 1), which 2.0.0 warm-starts from. They are
#   INIT_DIT          not in the repo (session 1's commands are in REPORT.md's history, 722c697, for
#                     older code). "none" trains that component without a warm start: never measured.
#
# Writes runs/ and data/ (git-ignored), and at the end, as session 3 did, the committed results:
# artifacts/checkpoints/, artifacts/eval-results.json, artifacts/eval-report/, ../suites/v1-dev.json.
# Training is not bit-reproducible: the first DiT run is bounded by time (--minutes), not steps.
#
# Measured CPU time (REPORT.md "Time"; 2-core CPU, one thread per process, pairs side by side):
#   make_clips 0 14                     not timed in the report
#   text encoder, 1 500 x 256           17 min: ~0.7 s/step; fine-tunes of 400 steps 6 min (~0.9 s/step)
#                                       and, with --focus beside the DiT, 14 min (~2.1 s/step)
#   autoencoder, 2 500 x 64 frames      36 min: ~0.86 s/step (2 threads, beside the text encoder)
#   latents of 14 000 clips             9 min (~40 s per shard)
#   DiT, batch 32                       0.28-0.45 s/step; 11 419 steps in 83 min of step time (87 wall)
#   decoder-only, 2 500 x 64 frames     17 min: ~0.4 s/step (beside the DiT)
#   decoder on DiT samples              6-9 min a round (1 000 clips sampled in ~2 min + 1 200 steps)
#   each evaluation (suite x 3 seeds)   0.5-1.5 min
# Shipped path: 93 (session 1) + 141 (session 2) + 13 (session 3) ~ 247 min of training.
set -euo pipefail

if (($# != 1)) || [[ "$1" == -* ]]; then
  sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
out="$(realpath -m "$1")"
warm_start() { # NAME VALUE -> the --init arguments for VALUE (none for "none"), as an absolute path
  if [[ -z "$2" ]]; then
    echo "from-scratch.sh: set $1 to the 1.2.0 checkpoint (or to none)" >&2
    exit 2
  elif [[ "$2" != none ]]; then
    [[ -f "$2" ]] || { echo "from-scratch.sh: $1=$2 is not a file" >&2; exit 2; }
    init+=(--init "$(realpath "$2")")
  fi
}
init=() && warm_start INIT_AUTOENCODER "${INIT_AUTOENCODER:-}" && init_autoencoder=("${init[@]}")
init=() && warm_start INIT_DIT "${INIT_DIT:-}" && init_dit=("${init[@]}")

training="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$training/../../.." && pwd)"
cd "$training"
mkdir -p runs data
py() {
  echo "+ $*" >&2
  "${PYTHON:-/usr/bin/python3}" "$@"
}

# ---- 2.0.0 (session 2) ----------------------------------------------------------------------
py scripts/make_clips.py 0 14
py scripts/train_text_encoder.py --steps 1500 --out runs/text_encoder2.pt
py scripts/train_text_encoder.py --init runs/text_encoder2.pt --steps 400 --lr 3e-4 --out runs/text_encoder3.pt
py scripts/train_autoencoder.py "${init_autoencoder[@]}" --steps 2500 --lr 1e-3 --edge-weight 4 --out runs/autoencoder.pt
py scripts/build_latents.py --ae runs/autoencoder.pt --out data/latents2
cp data/latents2/stats.json runs/latent_stats.json
cp runs/text_encoder3.pt runs/text_encoder.pt
# --keep 5900,9600 (both DiT runs): the checkpoints 2.0.0's decoder was fine-tuned on and that both
# releases ship, kept as runs/dit_5900.pt and runs/dit_9600.pt.
py scripts/train_dit.py --latents data/latents2 "${init_dit[@]}" --minutes 35 --keep 5900,9600
py scripts/train_autoencoder.py --decoder-only --init runs/autoencoder.pt --steps 2500 --lr 5e-4 --edge-weight 4 \
  --out runs/autoencoder_ft.pt
py scripts/train_text_encoder.py --init runs/text_encoder.pt --steps 400 --lr 3e-4 --anchor-weight 1 --focus 0.25 \
  --out runs/text_encoder4.pt
cp runs/text_encoder4.pt runs/text_encoder.pt
# The parse head follows the new text encoder. Session 2's run went on to step 11 419 (the loss curve).
py scripts/train_dit.py --latents data/latents2 --resume --minutes 50 --keep 5900,9600
py scripts/finetune_decoder_on_samples.py --steps 1200 --ckpt runs/dit_5900.pt # shard 12, guidance 3
cp runs/autoencoder_fts.pt runs/autoencoder_final.pt

# ---- 2.1.0 (session 3): two more decoder rounds at guidance 2 on the DiT at step 9 600 ---------
py scripts/make_dev_suite.py # ../suites/v1-dev.json (byte for byte the committed one), ground truth checked
py scripts/finetune_decoder_on_samples.py --ckpt runs/dit_9600.pt --ae runs/autoencoder_final.pt --guidance 2 \
  --shard data/clips/shard_0013.npz --out runs/autoencoder_g2.pt
py scripts/finetune_decoder_on_samples.py --ckpt runs/dit_9600.pt --ae runs/autoencoder_g2.pt --guidance 2 \
  --shard data/clips/shard_0010.npz --seed 1 --out runs/autoencoder_g2b.pt
py scripts/evaluate.py --suite ../suites/v1-dev.json --ckpt runs/dit_9600.pt --decoder runs/autoencoder_g2b.pt \
  --guidance 2
py scripts/evaluate.py --ckpt runs/dit_9600.pt --decoder runs/autoencoder_g2b.pt --guidance 2 \
  --json artifacts/eval-results.json
py scripts/export_package.py --out "$out" --version 2.1.0 --ckpt runs/dit_9600.pt --decoder runs/autoencoder_g2b.pt \
  --guidance 2
py scripts/save_checkpoints.py --ae runs/autoencoder_g2b.pt --dit runs/dit_9600.pt
(
  cd "$repo"
  npx sketchreel eval --model "$out" --out "$training/artifacts/eval-report"
  npx sketchreel eval --model "$out" --suite "$training/../suites/v1-dev.json" --out "$training/artifacts/eval-report/dev"
)
echo "from-scratch.sh: 2.1.0 exported to $out; recipes/2.1.0.sh --check $out re-exports it from the new checkpoints" >&2
