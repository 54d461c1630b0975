"""Thread settings; import first. One BLAS/OpenMP thread per process by default: on this 2-core
machine torch's and OpenBLAS's pools spin against each other with two, even when the machine is
idle (measured for one DiT step at batch 32: 0.28 s with one thread, 0.6-0.9 s with two). Use the
second core for a second process (e.g. the decoder fine-tune beside the DiT) instead.
Override with SKETCHREEL_THREADS."""
import os

THREADS = int(os.environ.get("SKETCHREEL_THREADS", "1"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))

import torch  # noqa: E402

torch.set_num_threads(THREADS)
