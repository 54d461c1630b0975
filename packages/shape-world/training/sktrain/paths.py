"""Where the training's files live, anchored at training/ so that no default depends on the working
directory. A relative path given on a command line is relative to the working directory as usual
(the README's and REPORT.md's commands run from training/)."""
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1]
RUNS = TRAINING / "runs"  # local checkpoints and logs (git-ignored)
DATA = TRAINING / "data"  # rendered clips and encoded latents (git-ignored)
ARTIFACTS = TRAINING / "artifacts"  # committed results: checkpoints, eval report, loss curve
CHECKPOINTS = ARTIFACTS / "checkpoints"  # the shipped components (what export and --resume fall back to)
SUITES = TRAINING.parent / "suites"  # the shape-world package's suite files (sktrain/suite_files.py)
