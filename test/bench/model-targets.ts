/**
 * Model speed targets (a benchmark, not a test): `npx tsx test/bench/model-targets.ts [--model DIR]
 * [--runs 5] [--steps 20] [--threads 0] [--json]`. On the embedded model (or DIR), for each format it
 * supports among the targets' formats and, per listed size, its longest clip: seconds per video at
 * 20 steps with CFG (the median of `--runs` pipeline runs after one warm-up run at that format), the
 * peak RSS of a `sketchreel generate` child process at that format, and the package's size on disk,
 * side by side with the targets as figures and ratios (measured / target: ≤ 1 meets it).
 * The formats come from the model's limits (`checkModelLimits`), so a model lacking one skips it.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { checkModelLimits, supportedFrameCounts } from "@sketchreel/contract";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { loadOnnxPipeline } from "@sketchreel/pipeline/onnx";

/** The targets. Formats without a time target are still measured (their ratio is "-"). */
const TARGETS = { peakRssMb: 600, packageMb: 40 };
const TIME_TARGETS: Array<Format & { seconds: number }> = [
  { width: 64, height: 64, num_frames: 16, seconds: 0.3 },
  { width: 256, height: 256, num_frames: 32, seconds: 3 },
];
const MORE_FORMATS: Format[] = [{ width: 256, height: 144, num_frames: 32 }];

interface Format {
  width: number;
  height: number;
  num_frames: number;
}

const run = promisify(execFile);
const { values: opts } = parseArgs({
  options: {
    model: { type: "string" },
    runs: { type: "string", default: "5" },
    steps: { type: "string", default: "20" },
    threads: { type: "string", default: "0" },
    json: { type: "boolean", default: false },
  },
});
const modelDir = resolve(opts.model ?? EMBEDDED_MODEL_DIR);
const runs = Number(opts.runs);
const steps = Number(opts.steps);
const threads = Number(opts.threads);

const key = (f: Format) => `${f.num_frames}f ${f.width}x${f.height}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The target formats and, for every size the model lists, its longest clip: those the model accepts. */
function formatsToMeasure(model: Parameters<typeof checkModelLimits>[0]): Format[] {
  const longest = Math.max(...supportedFrameCounts(model));
  const listed = (model.limits.sizes ?? []).map(([width, height]) => ({ width, height, num_frames: longest }));
  const candidates = [...TIME_TARGETS.map(({ seconds: _, ...f }) => f), ...MORE_FORMATS, ...listed];
  const unique = [...new Map(candidates.map((f) => [key(f), f])).values()];
  return unique.filter((f) => checkModelLimits(model, { ...f, num_inference_steps: steps }).length === 0);
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Peak RSS in MB of one `sketchreel generate` process: /usr/bin/time's maximum resident set when present, else its own report. */
async function generateRssMb(format: Format, prompt: string, guidance: number, work: string): Promise<number> {
  const bin = createRequire(import.meta.url).resolve("@sketchreel/cli/bin/sketchreel.mjs");
  const args = [
    ...[bin, "generate", prompt, "--model", modelDir, "--seed", "1", "--json"],
    ...["--size", `${format.width}x${format.height}`, "--frames", String(format.num_frames)],
    ...["--steps", String(steps), "--guidance", String(guidance), "-o", join(work, `${key(format)}.mp4`)],
  ];
  const timeFile = join(work, "time.txt");
  const timed = existsSync("/usr/bin/time");
  const { stdout } = timed
    ? await run("/usr/bin/time", ["-f", "%M", "-o", timeFile, process.execPath, ...args], { maxBuffer: 1 << 24 })
    : await run(process.execPath, args, { maxBuffer: 1 << 24 });
  if (timed) return Number((await readFile(timeFile, "utf8")).trim().split("\n").at(-1)) / 1024;
  return JSON.parse(stdout).peak_rss_mb;
}

const work = await mkdtemp(join(tmpdir(), "sketchreel-model-targets-"));
try {
  const runner = await loadOnnxPipeline({ modelDir, threads });
  const { index } = runner.pipeline.model;
  const prompt = index.examples[0] ?? "a red ball moves from left to right";
  const guidance = index.defaults.guidance_scale > 1 ? index.defaults.guidance_scale : 2; // CFG: the uncond pass runs
  const formats = formatsToMeasure(index);
  const rows = [];
  for (const format of formats) {
    const request = { prompt, seed: 1, ...format, num_inference_steps: steps, guidance_scale: guidance };
    await runner.pipeline.run(request); // warm-up at this format
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++)
      seconds.push((await runner.pipeline.run({ ...request, seed: i + 1 })).timings_ms.total / 1000);
    const target = TIME_TARGETS.find((t) => key(t) === key(format))?.seconds ?? null;
    const s = median(seconds);
    const rss = await generateRssMb(format, prompt, guidance, work);
    rows.push({
      format: key(format),
      ...format,
      seconds_per_video: round(s),
      seconds_all: seconds.map((x) => round(x)),
      seconds_target: target,
      seconds_ratio: target === null ? null : round(s / target, 2),
      peak_rss_mb: Math.round(rss),
      peak_rss_target_mb: TARGETS.peakRssMb,
      peak_rss_ratio: round(rss / TARGETS.peakRssMb, 2),
    });
  }
  await runner.dispose();
  const packageMb = (await directoryBytes(modelDir)) / 1e6;
  const named = [...TIME_TARGETS, ...MORE_FORMATS];
  const unsupported = named.filter((t) => !formats.some((f) => key(f) === key(t))).map(key);
  const report = {
    machine: `${cpus()[0]?.model ?? "?"} × ${availableParallelism()}`,
    load_average: loadavg().map((l) => round(l, 1)),
    device: runner.backend.description,
    model: { id: index.model_id, version: index.model_version, dir: modelDir },
    steps,
    guidance_scale: guidance,
    runs_per_format: runs,
    formats: rows,
    formats_not_supported_by_model: unsupported,
    package_mb: round(packageMb, 2),
    package_target_mb: TARGETS.packageMb,
    package_ratio: round(packageMb / TARGETS.packageMb, 2),
  };
  if (!opts.json) {
    console.log(
      `${report.model.id} ${report.model.version} · ${report.device} · ${report.machine} · load ${report.load_average.join(" ")}`,
    );
    console.log(
      `${steps} steps, CFG ${guidance} (batch 2), median of ${runs} runs after a warm-up; ratio = measured / target\n`,
    );
    const table = [["format", "s/video", "target", "ratio", "generate peak RSS", "target", "ratio"]];
    for (const r of rows) {
      const time = r.seconds_target === null ? ["-", "-"] : [`≤ ${r.seconds_target} s`, `${r.seconds_ratio}`];
      table.push([
        r.format,
        `${r.seconds_per_video} s`,
        ...time,
        `${r.peak_rss_mb} MB`,
        `≤ ${TARGETS.peakRssMb} MB`,
        `${r.peak_rss_ratio}`,
      ]);
    }
    table.push([
      "package on disk",
      `${report.package_mb} MB`,
      `≤ ${TARGETS.packageMb} MB`,
      `${report.package_ratio}`,
      "",
      "",
      "",
    ]);
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table)
      console.log(
        row
          .map((c, i) => c.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      );
    if (unsupported.length) console.log(`\nnot supported by this model (skipped): ${unsupported.join(", ")}`);
  }
  console.log(JSON.stringify(report));
} finally {
  await rm(work, { recursive: true, force: true });
}
