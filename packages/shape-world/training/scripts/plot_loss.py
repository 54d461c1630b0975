"""Plot the DiT loss curve from runs/dit_log.jsonl -> loss-curve.png (smoothed, log scale)."""
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main(path="runs/dit_log.jsonl", out="loss-curve.png"):
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
    import sys
    main(*sys.argv[1:])
