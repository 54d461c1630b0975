import * as ort from "onnxruntime-node";

/**
 * FLOP/s of onnxruntime on a single n×n MatMul graph (inputs `a`, `b`): the machine's practical
 * ceiling for dense float32 work, best of `repeats` runs. For benchmarks, not for serving.
 */
export async function measureGemmCeiling(
  matmulGraph: string,
  { n, threads, repeats = 10 }: { n: number; threads: number; repeats?: number },
): Promise<number> {
  const session = await ort.InferenceSession.create(matmulGraph, {
    intraOpNumThreads: threads,
    executionProviders: ["cpu"],
    extra: { session: { intra_op: { allow_spinning: "0" } } },
  });
  try {
    const tensor = () => new ort.Tensor("float32", Float32Array.from({ length: n * n }, Math.random), [n, n]);
    const feeds = { a: tensor(), b: tensor() };
    await session.run(feeds);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      await session.run(feeds);
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    return (2 * n ** 3) / best;
  } finally {
    await session.release();
  }
}
