"""Runnable training scripts: `python3 -m scripts.NAME` or `python3 scripts/NAME.py` from training/."""
