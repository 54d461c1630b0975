"""Plot the DiT loss curve from runs/dit_log.jsonl -> artifacts/loss-curve.png (smoothed, log scale).

usage: plot_loss.py [LOG [OUT]]
"""
if not __package__:  # run as a file (python3 scripts/x.py): import from training/, as `python3 -m scripts.x` does
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from sktrain.paths import ARTIFACTS, RUNS  # noqa: E402


def main(path=str(RUNS / "dit_log.jsonl"), out=str(ARTIFACTS / "loss-curve.png")):
    rows = [json.loads(l) for l in open(path)]
    last = {}
    for r in rows:  # a resumed run re-logs steps: keep the latest entry per step
        last[r["step"]] = r
    steps = np.array(sorted(last))
    loss = np.array([last[s]["loss"] for s in steps])
    smooth = np.convolve(loss, np.ones(10) / 10, mode="valid")
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(steps, loss, alpha=0.3, label="loss (every 10th step)")
    ax.plot(steps[9:], smooth, label="moving average (100 steps)")
    ax.set_yscale("log"); ax.set_xlabel("step"); ax.set_ylabel("flow-matching MSE"); ax.legend()
    ax.set_title("shape-world-tiny DiT training loss")
    fig.tight_layout(); fig.savefig(out, dpi=100)
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
