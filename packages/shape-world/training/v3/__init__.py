"""Model 3.0 (world v2): data, networks, training and export. Scripts run as `python3 -m v3.<name>`
from training/ with /usr/bin/python3."""
