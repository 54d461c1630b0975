"""Thread settings; import first. One BLAS/OpenMP thread per process by default: on this 2-core
machine torch's and OpenBLAS's pools spin against each other with two, even when the machine is
idle (measured for one DiT step at batch 32: 0.28 s with one thread, 0.6-0.9 s with two). Use the
second core for a second process (e.g. the decoder fine-tune beside the DiT) instead.
Override with SKETCHREEL_THREADS.

Freed memory stays in the process: by default glibc hands large blocks back to the kernel, and on
this VM touching fresh pages again is slow (measured: the decoder's target computation for 128
frames 0.4-1.1 s with the default, 0.12-0.16 s with the heap kept)."""
import ctypes
import os

THREADS = int(os.environ.get("SKETCHREEL_THREADS", "1"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))

M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3  # glibc's mallopt parameters
try:  # keep freed blocks for reuse instead of returning them to the kernel
    _libc = ctypes.CDLL("libc.so.6")
    for param, value in ((M_TRIM_THRESHOLD, 1 << 30), (M_TOP_PAD, 256 << 20), (M_MMAP_THRESHOLD, 1 << 30)):
        _libc.mallopt(param, value)
except OSError:  # not glibc: defaults
    pass

import torch  # noqa: E402

torch.set_num_threads(THREADS)
