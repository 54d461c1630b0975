"""The PyTorch side of test/bench/pipeline.ts (not a test).

  torch_reference.py model --out DIR --dim D --layers N      random-weight package + weights.pt
  torch_reference.py matmul --out FILE.onnx --n 2048         a one-MatMul graph for the GEMM ceiling
  torch_reference.py run --weights weights.pt --steps S ...  the reference pipeline: timings, FLOPs
"""
import argparse
import json
import os
import subprocess
import sys
import time

import torch

REFERENCE = os.path.dirname(os.path.abspath(__file__))

import make_fixture  # noqa: E402
import reference_pipeline  # noqa: E402
import tiny_random_model  # noqa: E402


def make_model(args):
    weights = os.path.join(args.out, "weights.pt")
    subprocess.run([sys.executable, os.path.join(REFERENCE, "make_fixture.py"), "--out", args.out, "--dim",
                    str(args.dim), "--layers", str(args.layers), "--no-reference", "--save-weights", weights],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(json.dumps({"model_dir": args.out, "weights": weights}))


def make_matmul(args):
    import onnx
    from onnx import TensorProto, helper

    a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [args.n, args.n])
    b = helper.make_tensor_value_info("b", TensorProto.FLOAT, [args.n, args.n])
    c = helper.make_tensor_value_info("c", TensorProto.FLOAT, [args.n, args.n])
    graph = helper.make_graph([helper.make_node("MatMul", ["a", "b"], ["c"])], "gemm", [a, b], [c])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), args.out)
    print(json.dumps({"matmul": args.out}))


def load_modules(path):
    saved = torch.load(path)
    modules = tiny_random_model.build(len(saved["vocab"]), make_fixture.MAX_LENGTH, saved["dim"], saved["dim"],
                                      saved["layers"], make_fixture.CHANNELS)
    for module, state in zip(modules, saved["state"]):
        module.load_state_dict(state)
    return modules, saved["vocab"]


def denoiser_flops(transformer, params, config):
    """FLOPs of one denoiser call (batch 2 with guidance), counted by torch's profiler (mm/bmm/addmm)."""
    c, s = config["channels"], config["spatial_compression"]
    batch = 2 if params["guidance"] > 1 else 1
    x = torch.randn(batch, c, params["frames"], params["height"] // s, params["width"] // s)
    t = torch.full((batch,), 500.0)
    ctx = torch.randn(batch, make_fixture.MAX_LENGTH, transformer.blocks[0].cross_attn.kv.in_features)
    with torch.no_grad(), torch.profiler.profile(with_flops=True) as prof:
        transformer(x, t, ctx)
    return sum(e.flops for e in prof.key_averages() if e.flops)


def gemm_ceiling(n, repeats=5, threads=1):
    torch.set_num_threads(threads)
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = min(_timed(lambda: torch.mm(a, b)) for _ in range(repeats))
    return 2 * n**3 / best


def _timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_pipeline(modules, vocab, config, params, runs):
    reference_pipeline.run(modules, vocab, config, {**params, "steps": 1})  # warm-up
    best = None
    for _ in range(runs):
        timings = {}
        start = time.perf_counter()
        reference_pipeline.run(modules, vocab, config, params, timings=timings)
        timings["total"] = time.perf_counter() - start
        if best is None or timings["total"] < best["total"]:
            best = timings
    return {k: v * 1000 for k, v in best.items()}


def run(args):
    modules, vocab = load_modules(args.weights)
    config = {"max_length": make_fixture.MAX_LENGTH, "flow_shift": make_fixture.FLOW_SHIFT,
              "num_train_timesteps": 1000, "channels": make_fixture.CHANNELS, "spatial_compression": 8,
              "temporal_compression": 1, "latents_mean": make_fixture.LATENTS_MEAN,
              "latents_std": make_fixture.LATENTS_STD}
    params = {"prompt": "a red ball moves from left to right", "negative_prompt": "", "seed": 1,
              "steps": args.steps, "guidance": args.guidance, "width": args.size, "height": args.size,
              "frames": args.frames, "scheduler": args.scheduler}
    # The reference gets its best thread count: on a busy machine OpenMP's barriers can make 2 threads
    # far slower than 1.
    by_threads = {}
    for threads in sorted({1, args.threads}):
        torch.set_num_threads(threads)
        by_threads[threads] = time_pipeline(modules, vocab, config, params, args.runs)
    threads, best = min(by_threads.items(), key=lambda kv: kv[1]["total"])
    torch.set_num_threads(threads)
    print(json.dumps({"torch": torch.__version__, "threads": threads, "timings_ms": best,
                      "denoise_ms_by_threads": {t: r["denoise"] for t, r in by_threads.items()},
                      "denoiser_flops": denoiser_flops(modules[1], params, config),
                      "gemm_flops_per_s": max(gemm_ceiling(args.gemm_n, threads=t) for t in by_threads)}))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("model")
    m.add_argument("--out", required=True)
    m.add_argument("--dim", type=int, default=256)
    m.add_argument("--layers", type=int, default=4)
    mm = sub.add_parser("matmul")
    mm.add_argument("--out", required=True)
    mm.add_argument("--n", type=int, default=2048)
    r = sub.add_parser("run")
    r.add_argument("--weights", required=True)
    r.add_argument("--steps", type=int, default=20)
    r.add_argument("--guidance", type=float, default=4.0)
    r.add_argument("--size", type=int, default=64)
    r.add_argument("--frames", type=int, default=16)
    r.add_argument("--scheduler", default="unipc")
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--gemm-n", type=int, default=2048)
    args = ap.parse_args()
    {"model": make_model, "matmul": make_matmul, "run": run}[args.cmd](args)


if __name__ == "__main__":
    main()
