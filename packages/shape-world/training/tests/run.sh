#!/bin/sh
# The training's tests (numpy + scipy, no torch) with the system python: the first python3 on PATH
# may be a pyenv shim without these packages. Missing packages fail the run; nothing is skipped.
# usage: sh training/tests/run.sh [pytest args]   (from packages/shape-world; npm run test:py)
PY=/usr/bin/python3
if ! "$PY" -c "import numpy, scipy, pytest" 2>/dev/null; then
  echo "test:py: $PY cannot import numpy, scipy and pytest, which the training tests need." >&2
  echo "test:py: install them: apt-get install -y python3-numpy python3-scipy python3-pytest (.ci/setup does)" >&2
  exit 1
fi
cd "$(dirname "$0")/.." && exec "$PY" -m pytest -q "$@"
