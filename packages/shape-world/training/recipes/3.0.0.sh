#!/usr/bin/env bash
# shape-world-tiny 3.0.0 (world v2), the shipped model package, rebuilt from the committed checkpoints
# (artifacts/checkpoints-3.0/: text encoder, DiT EMA, the decoder fine-tuned on DiT samples, latent
# statistics). Byte for byte the package in gpu-runner/models/shape-world-tiny/. About 10 s.
#
# usage: recipes/3.0.0.sh [OUT_DIR] [--check PACKAGE_DIR]
#   OUT_DIR             where to write the package: a new or empty directory (default: a temporary one,
#                       removed again after a --check that passes)
#   --check PACKAGE_DIR then compare OUT_DIR with PACKAGE_DIR byte for byte (diff -r); exit 1 on any difference
#
# Every component is passed explicitly, so a local runs/ (which export_package.py prefers otherwise)
# cannot leak into the result. Python: /usr/bin/python3 with torch and onnx (override with PYTHON=...).
set -euo pipefail

usage() { sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
out="" check=""
while (($#)); do
  case "$1" in
    --check) (($# >= 2)) || usage; check="$2"; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "3.0.0.sh: unknown option $1" >&2; usage ;;
    *) [[ -z "$out" ]] || usage; out="$1"; shift ;;
  esac
done
if [[ -n "$check" && ! -f "$check/model_index.json" ]]; then
  echo "3.0.0.sh: --check $check is not a model package (no model_index.json)" >&2
  exit 2
fi
temp=""
if [[ -z "$out" ]]; then
  temp="$(mktemp -d)"
  out="$temp/shape-world-tiny"
elif [[ -e "$out" && -n "$(ls -A "$out")" ]]; then
  echo "3.0.0.sh: $out is not empty; give a new or empty directory" >&2
  exit 2
fi

out="$(realpath -m "$out")"
training="$(cd "$(dirname "$0")/.." && pwd)"
ck="$training/artifacts/checkpoints-3.0"
start=$SECONDS
(cd "$training" && "${PYTHON:-/usr/bin/python3}" -m v3.export --out "$out" --version 3.0.0 --fused --guidance "${GUIDANCE:-2}" --sharpness 4 \
  --text "$ck/text.pt" --dit "$ck/dit.pt" --decoder "$ck/decoder.pt" --stats "$ck/latent_stats.json")
echo "3.0.0.sh: exported $out in $((SECONDS - start)) s"

if [[ -n "$check" ]]; then
  if diff -r "$out" "$check"; then
    echo "3.0.0.sh: identical to $check"
    [[ -z "$temp" ]] || rm -rf "$temp"
  else
    echo "3.0.0.sh: $out differs from $check" >&2
    exit 1
  fi
fi
