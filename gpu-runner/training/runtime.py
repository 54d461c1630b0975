"""Thread settings; import first. On this shared 2-core machine one BLAS/OpenMP thread per process
is 5-15x faster than two (the two pools spin against each other and against other builds).
Override with SKETCHREEL_THREADS=2 on an idle machine."""
import os

THREADS = int(os.environ.get("SKETCHREEL_THREADS", "1"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))

import torch  # noqa: E402

torch.set_num_threads(THREADS)
