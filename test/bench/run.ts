/**
 * `npm run bench`: every benchmark of the repo, one after the other (they would skew each other in
 * parallel), each child's own report streamed to stderr, then one summary table on stdout.
 *
 *   npm run bench [-- --only pipeline,model-targets,edge,dispatch,sharding,load] [-- --quick]
 *
 * Benchmarks print figures and ratios measured side by side in one run; none of them is a test.
 */
import { spawn } from "node:child_process";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({ options: { only: { type: "string" }, quick: { type: "boolean", default: false } } });
const quick = values.quick;

interface Row {
  benchmark: string;
  metric: string;
  value: string;
  goal: string;
}

interface Bench {
  name: string;
  command: string[];
  /** Summary rows from the child's stdout. */
  read(stdout: string): Row[];
}

const match = (text: string, re: RegExp) => text.match(re)?.[1]?.trim() ?? "n/a";
const lastJson = (stdout: string) =>
  JSON.parse(
    stdout
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .at(-1) ?? "{}",
  );

const BENCHES: Bench[] = [
  {
    name: "pipeline",
    command: ["npx", "tsx", "test/bench/pipeline.ts", ...(quick ? ["--steps", "4", "--runs", "1"] : [])],
    read: (out) => [
      {
        benchmark: "pipeline",
        metric: "denoise steps/s, runner vs reference",
        value: match(out, /^steps\/s\s+(.+)$/m),
        goal: "",
      },
      {
        benchmark: "pipeline",
        metric: "runner / PyTorch reference, denoise",
        value: match(out, /speed-up, denoise\s+(\S+)/),
        goal: "≥ 2.5×",
      },
      {
        benchmark: "pipeline",
        metric: "runner / PyTorch reference, end to end",
        value: match(out, /speed-up, end to end\s+(\S+)/),
        goal: "",
      },
      {
        benchmark: "pipeline",
        metric: "denoiser FLOP/s vs GEMM ceiling",
        value: match(out, /denoiser achieved\s+(.+?)\s*\(goal[^\n]*$/m),
        goal: "≥ 35 %",
      },
      {
        benchmark: "pipeline",
        metric: "peak RSS, bench process",
        value: match(out, /peak RSS \(this process\)\s+(.+)$/m),
        goal: "",
      },
      {
        benchmark: "pipeline",
        metric: "peak RSS, generate on the embedded model",
        value: match(out, /embedded model: peak RSS (.+)$/m),
        goal: "≤ 600 MB",
      },
    ],
  },
  {
    name: "model-targets",
    command: ["npx", "tsx", "test/bench/model-targets.ts", ...(quick ? ["--runs", "3"] : [])],
    read: (out) => {
      const r = lastJson(out);
      const ratio = (x: number | null) => (x === null ? "" : ` (×${x})`);
      return [
        ...(r.formats ?? []).flatMap(
          (f: {
            format: string;
            seconds_per_video: number;
            seconds_target: number | null;
            seconds_ratio: number | null;
            peak_rss_mb: number;
            peak_rss_target_mb: number;
            peak_rss_ratio: number;
          }) => [
            {
              benchmark: "model-targets",
              metric: `s/video, ${f.format}, ${r.steps} steps, CFG (median of ${r.runs_per_format})`,
              value: `${f.seconds_per_video} s${ratio(f.seconds_ratio)}`,
              goal: f.seconds_target === null ? "" : `≤ ${f.seconds_target} s`,
            },
            {
              benchmark: "model-targets",
              metric: `peak RSS, sketchreel generate ${f.format}`,
              value: `${f.peak_rss_mb} MB${ratio(f.peak_rss_ratio)}`,
              goal: `≤ ${f.peak_rss_target_mb} MB`,
            },
          ],
        ),
        {
          benchmark: "model-targets",
          metric: `package on disk, ${r.model?.id} ${r.model?.version}`,
          value: `${r.package_mb} MB${ratio(r.package_ratio)}`,
          goal: `≤ ${r.package_target_mb} MB`,
        },
        ...(r.formats_not_supported_by_model?.length
          ? [
              {
                benchmark: "model-targets",
                metric: "formats the model lacks (not measured)",
                value: r.formats_not_supported_by_model.join(", "),
                goal: "",
              },
            ]
          : []),
      ];
    },
  },
  {
    name: "edge",
    command: ["npm", "run", "bench", "-w", "@sketchreel/edge", "--", "--seconds", quick ? "3" : "8"],
    read: (out) => [
      {
        benchmark: "edge",
        metric: "cache-hit POST / bare Hono (req/s ratio)",
        value: match(out, /cache hit \/ bare Hono = (\S+)/),
        goal: "≥ 0.5",
      },
    ],
  },
  {
    name: "dispatch",
    command: ["npx", "tsx", "test/bench/dispatch.ts", "--jobs", quick ? "400" : "2000"],
    read: (out) => {
      const r = lastJson(out);
      return [
        {
          benchmark: "dispatch",
          metric: `jobs/s, ${r.noop_runners} no-op runners, max_jobs ${r.batch}, ${r.shards} shards`,
          value: String(r.dispatch_jobs_per_s),
          goal: "≥ 300/s",
        },
        {
          benchmark: "dispatch",
          metric: "lease → complete per job, p50 / p99",
          value: `${r.lease_to_complete_ms?.p50} / ${r.lease_to_complete_ms?.p99} ms`,
          goal: "",
        },
        {
          benchmark: "dispatch",
          metric: "submissions/s (POST /v1/videos, 32 clients)",
          value: String(r.submit_per_s),
          goal: "",
        },
      ];
    },
  },
  {
    name: "sharding",
    command: ["npx", "tsx", "test/bench/sharding.ts", "--jobs", quick ? "300" : "1000"],
    read: (out) =>
      (lastJson(out).summary ?? []).map(
        (r: { shards: number; dispatch_jobs_per_s: number; p50_ms: number; p99_ms: number }) => ({
          benchmark: "sharding",
          metric: `jobs/s with ${r.shards} shard${r.shards === 1 ? "" : "s"} (p50 / p99 ms)`,
          value: `${r.dispatch_jobs_per_s} (${r.p50_ms} / ${r.p99_ms})`,
          goal: "",
        }),
      ),
  },
  {
    name: "load",
    command: ["npx", "tsx", "test/bench/load.ts", ...(quick ? ["--submissions", "100"] : [])],
    read: (out) => {
      const r = lastJson(out);
      const p = (x: { p50: number; p90: number; p99: number } | undefined) =>
        x ? `p50 ${x.p50} / p90 ${x.p90} / p99 ${x.p99} ms` : "n/a";
      return [
        {
          benchmark: "load",
          metric: `${r.submissions} submissions, ${r.concurrency} clients, ${r.runners} runners`,
          value: `${r.accepted} accepted, ${JSON.stringify(r.terminal)}, ${r.unfinished} unfinished`,
          goal: "all terminal",
        },
        {
          benchmark: "load",
          metric: "429s (all with Retry-After?)",
          value: `${r.throttled_429} (${r.throttled_without_retry_after} without)`,
          goal: "0 without",
        },
        { benchmark: "load", metric: "throughput, finished jobs/s", value: String(r.jobs_per_s), goal: "" },
        { benchmark: "load", metric: "POST latency", value: p(r.submit_latency_ms), goal: "" },
        { benchmark: "load", metric: "job latency (created → completed)", value: p(r.job_latency_ms), goal: "" },
      ];
    },
  },
];

function runBench(bench: Bench): Promise<{ stdout: string; code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const [command, ...args] = bench.command as [string, ...string[]];
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once("exit", (code) => resolve({ stdout, code, seconds: (performance.now() - started) / 1000 }));
  });
}

const startLoad = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
const selected = values.only ? BENCHES.filter((b) => values.only!.split(",").includes(b.name)) : BENCHES;
const rows: Row[] = [];
for (const bench of selected) {
  process.stderr.write(`\n=== ${bench.name}: ${bench.command.join(" ")}\n`);
  const { stdout, code, seconds } = await runBench(bench);
  if (code !== 0) rows.push({ benchmark: bench.name, metric: "exit code", value: String(code), goal: "0" });
  else rows.push(...bench.read(stdout));
  process.stderr.write(`=== ${bench.name}: ${seconds.toFixed(0)} s\n`);
}

console.log(
  `\nmachine: ${cpus()[0]?.model ?? "?"} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at start ${startLoad}, at end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const widths = (["benchmark", "metric", "value", "goal"] as const).map((k) =>
  Math.max(k.length, ...rows.map((r) => r[k].length)),
);
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(line(["benchmark", "metric", "value", "goal"]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line([r.benchmark, r.metric, r.value, r.goal]));
