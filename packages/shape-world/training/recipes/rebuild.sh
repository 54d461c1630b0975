# Shared by recipes/<version>.sh (sourced, not run): parses [OUT_DIR] [--check PACKAGE_DIR], calls
# the recipe's `export_to OUT_DIR` and, with --check, compares the result with PACKAGE_DIR byte for
# byte. The recipe sets `recipe` (its file name, for messages) and defines `export_to` first.
#
#   OUT_DIR             where to write the package: a new or empty directory (default: a temporary one,
#                       removed again after a --check that passes)
#   --check PACKAGE_DIR then compare OUT_DIR with PACKAGE_DIR byte for byte (diff -r); exit 1 on any difference
#
# Every component is passed explicitly, so a local runs/ (which the exporters prefer otherwise)
# cannot leak into the result. Python: /usr/bin/python3 with torch and onnx (override with PYTHON=...).
set -euo pipefail

usage() {
  echo "usage: recipes/$recipe [OUT_DIR] [--check PACKAGE_DIR]" >&2
  sed -n '5,7p' "$(dirname "${BASH_SOURCE[0]}")/rebuild.sh" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
out="" check=""
while (($#)); do
  case "$1" in
    --check) (($# >= 2)) || usage; check="$2"; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "$recipe: unknown option $1" >&2; usage ;;
    *) [[ -z "$out" ]] || usage; out="$1"; shift ;;
  esac
done
if [[ -n "$check" && ! -f "$check/model_index.json" ]]; then
  echo "$recipe: --check $check is not a model package (no model_index.json)" >&2
  exit 2
fi
temp=""
if [[ -z "$out" ]]; then
  temp="$(mktemp -d)"
  out="$temp/shape-world-tiny"
elif [[ -e "$out" && -n "$(ls -A "$out")" ]]; then
  echo "$recipe: $out is not empty; give a new or empty directory" >&2
  exit 2
fi

out="$(realpath -m "$out")"
training="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
start=$SECONDS
export_to "$out"
echo "$recipe: exported $out in $((SECONDS - start)) s"

if [[ -n "$check" ]]; then
  if diff -r "$out" "$check"; then
    echo "$recipe: identical to $check"
    [[ -z "$temp" ]] || rm -rf "$temp"
  else
    echo "$recipe: $out differs from $check" >&2
    exit 1
  fi
fi
