/**
 * Pipeline benchmark (not a test): `npx tsx test/bench/pipeline.ts [--steps 10] [--runs 2]
 * [--dim 256] [--layers 4] [--threads 0]`. Prints per-stage timings, steps/s and peak RSS of the
 * runner (TypeScript pipeline on onnxruntime-node) against the PyTorch reference on the same
 * random weights and steps, the denoiser's achieved FLOP/s against this machine's GEMM ceiling
 * measured in the same run, and the peak RSS of a `sketchreel generate` on the embedded model.
 * Goals: runner ≥ 2.5× the reference, ≥ 35 % of the GEMM ceiling, generate ≤ 600 MB.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { loadOnnxPipeline, measureGemmCeiling, OnnxBackend } from "@sketchreel/pipeline/onnx";

const run = promisify(execFile);
const resolvePackageFile = (specifier: string) => createRequire(import.meta.url).resolve(specifier);
const TORCH_REFERENCE = resolvePackageFile("@sketchreel/pipeline/reference/torch_reference.py");
const PYTHON = "/usr/bin/python3";

const { values: opts } = parseArgs({
  options: {
    steps: { type: "string", default: "10" },
    runs: { type: "string", default: "2" },
    dim: { type: "string", default: "256" },
    layers: { type: "string", default: "4" },
    threads: { type: "string", default: "0" },
    "gemm-n": { type: "string", default: "2048" },
  },
});
const steps = Number(opts.steps);
const runs = Number(opts.runs);
const threads = Number(opts.threads) || availableParallelism();
const gemmN = Number(opts["gemm-n"]);

async function python(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(PYTHON, [TORCH_REFERENCE, ...args], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

function ortGemmCeiling(path: string): Promise<number> {
  return measureGemmCeiling(path, { n: gemmN, threads });
}

async function runnerTimings(modelDir: string) {
  const runner = await loadOnnxPipeline({ modelDir, threads });
  await runner.pipeline.warmUp();
  const request = { prompt: "a red ball moves from left to right", seed: 1, num_inference_steps: steps };
  let best: Awaited<ReturnType<typeof runner.pipeline.run>>["timings_ms"] | undefined;
  for (let i = 0; i < runs; i++) {
    const { timings_ms } = await runner.pipeline.run(request);
    if (!best || timings_ms.total < best.total) best = timings_ms;
  }
  await runner.dispose();
  return best!;
}

async function embeddedGenerateRss(dir: string): Promise<string> {
  const bin = resolvePackageFile("@sketchreel/cli/bin/sketchreel.mjs");
  const { stdout } = await run(process.execPath, [
    bin,
    "generate",
    "a red ball moves from left to right",
    "--seed",
    "1",
    "-o",
    join(dir, "out.mp4"),
    "--json",
  ]);
  const report = JSON.parse(stdout);
  return `${report.peak_rss_mb} MB (goal ≤ 600 MB; ${report.steps_per_second} steps/s)`;
}

const fmt = (ms: number | undefined) => (ms === undefined ? "-" : ms.toFixed(1).padStart(10));
const work = await mkdtemp(join(tmpdir(), "sketchreel-bench-"));
try {
  console.log(
    `machine: ${cpus()[0]?.model ?? "?"} × ${availableParallelism()}, threads ${threads}, ${OnnxBackend.create().description}`,
  );
  console.log(
    `model: random weights, DiT dim ${opts.dim} × ${opts.layers} layers, 64×64×16, ${steps} UniPC steps, CFG 4 (batch 2)\n`,
  );
  const model = (await python([
    "model",
    "--out",
    join(work, "model"),
    "--dim",
    opts.dim!,
    "--layers",
    opts.layers!,
  ])) as {
    model_dir: string;
    weights: string;
  };
  await python(["matmul", "--out", join(work, "matmul.onnx"), "--n", String(gemmN)]);

  // The machine may be shared: sample the ceiling before and after, and keep the best.
  const gemmBefore = await ortGemmCeiling(join(work, "matmul.onnx"));
  const runner = await runnerTimings(model.model_dir);
  const gemmBetween = await ortGemmCeiling(join(work, "matmul.onnx"));
  const runnerRss = process.resourceUsage().maxRSS / 1024;
  const reference = (await python([
    ...["run", "--weights", model.weights, "--steps", String(steps), "--runs", String(runs)],
    ...["--threads", String(threads), "--gemm-n", String(gemmN)],
  ])) as {
    timings_ms: Record<string, number>;
    threads: number;
    denoise_ms_by_threads: Record<string, number>;
    denoiser_flops: number;
    gemm_flops_per_s: number;
    torch: string;
  };
  const ortGemm = Math.max(gemmBefore, gemmBetween, await ortGemmCeiling(join(work, "matmul.onnx")));

  const byThreads = Object.entries(reference.denoise_ms_by_threads)
    .map(([t, ms]) => `${t} thread(s): ${ms.toFixed(0)} ms`)
    .join(", ");
  console.log(`reference: torch ${reference.torch}, denoise ${byThreads}; best (${reference.threads}) shown`);
  console.log(`runner: ${threads} intra-op thread(s)\n`);
  console.log(`stage (ms, best of ${runs})    runner   reference`);
  for (const stage of ["encode_prompt", "denoise", "decode", "total"] as const) {
    console.log(`${stage.padEnd(22)}${fmt(runner[stage])}  ${fmt(reference.timings_ms[stage])}`);
  }
  const runnerStepsPerS = steps / (runner.denoise / 1000);
  const referenceStepsPerS = steps / (reference.timings_ms.denoise! / 1000);
  const achieved = (reference.denoiser_flops * steps) / (runner.denoise / 1000);
  const ceiling = Math.max(ortGemm, reference.gemm_flops_per_s);
  console.log(
    `\nsteps/s                  ${runnerStepsPerS.toFixed(2).padStart(7)}  ${referenceStepsPerS.toFixed(2).padStart(10)}`,
  );
  console.log(`speed-up, denoise        ${(runnerStepsPerS / referenceStepsPerS).toFixed(2)}× (goal ≥ 2.5×)`);
  console.log(`speed-up, end to end     ${(reference.timings_ms.total! / runner.total).toFixed(2)}×`);
  console.log(
    `denoiser FLOPs / call    ${(reference.denoiser_flops / 1e9).toFixed(2)} GFLOP (torch profiler: mm/bmm/addmm)`,
  );
  console.log(
    `GEMM ceiling ${gemmN}²       onnxruntime ${(ortGemm / 1e9).toFixed(1)} GFLOP/s, torch ${(reference.gemm_flops_per_s / 1e9).toFixed(1)} GFLOP/s`,
  );
  console.log(
    `denoiser achieved        ${(achieved / 1e9).toFixed(1)} GFLOP/s = ${((100 * achieved) / ceiling).toFixed(0)} % of the ceiling (goal ≥ 35 %)`,
  );
  console.log(`peak RSS (this process)  ${runnerRss.toFixed(0)} MB`);
  console.log(`generate on the embedded model: peak RSS ${await embeddedGenerateRss(work)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
