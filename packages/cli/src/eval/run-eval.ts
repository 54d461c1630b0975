import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { encodePng } from "@sketchreel/encode";
import { EMBEDDED_MODEL_DIR } from "@sketchreel/models";
import { loadOnnxPipeline } from "@sketchreel/pipeline/onnx";
import { groundTruthSource, modelSource } from "./clip-sources.js";
import { drawContactSheet } from "./contact-sheet.js";
import { formatTable } from "./format-table.js";
import { loadSuite, promptSuite } from "./load-suite.js";
import type { EvalOptions } from "./options.js";
import { buildReport, type EvalReport } from "./report.js";
import { type EvalRun, runSuite } from "./run-suite.js";
import { summarize } from "./summarize.js";

export interface EvalIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show a live progress line on stderr. */
  progress: boolean;
}

export interface RunEvalOptions extends EvalOptions {
  device?: string;
  threads?: number;
}

export const REPORT_FILE = "report.json";
export const CONTACT_SHEET_FILE = "contact-sheet.png";

/**
 * `sketchreel eval`: load the suite, build the pipeline once (or use the ground-truth renderer),
 * generate and score every prompt × seed, then write report.json + contact-sheet.png and print the table (or the report).
 */
export async function runEval(options: RunEvalOptions, io: EvalIo): Promise<EvalReport> {
  const suite = options.prompts ? promptSuite(options.prompts) : await loadSuite(options.suitePath, options.limit);
  const source = options.groundTruth ? groundTruthSource() : modelSource(await buildPipeline(options), options);
  let runs: EvalRun[];
  const started = performance.now();
  try {
    source.checkFormats(suite);
    runs = await runSuite(source, suite, {
      seeds: options.seeds,
      onRun: (run, i, total) => {
        if (!io.progress) return;
        const eta = Math.round((((performance.now() - started) / (i + 1)) * (total - i - 1)) / 1000);
        io.stderr(
          `\r\x1b[2K[${i + 1}/${total}] ${run.id} seed ${run.seed} ${run.pass ? "pass" : "fail"} · ${eta} s left`,
        );
      },
    });
  } finally {
    if (io.progress) io.stderr("\r\x1b[2K");
    await source.dispose();
  }

  const summary = summarize(runs);
  const report = buildReport({
    suitePath: options.prompts ? "--prompt" : resolve(options.suitePath),
    suite,
    model: source.describe(),
    params: {
      seeds: options.seeds,
      steps: options.groundTruth ? null : (options.steps ?? null),
      guidance: options.groundTruth ? null : (options.guidance ?? null),
    },
    runs,
    summary,
    contactSheet: CONTACT_SHEET_FILE,
  });
  await mkdir(options.outDir, { recursive: true });
  const sheet = drawContactSheet(
    runs.map((r) => ({
      label: `${r.id} s${r.seed}`,
      pass: r.pass,
      width: r.width,
      height: r.height,
      frames: r.frames,
    })),
  );
  await writeFile(join(options.outDir, CONTACT_SHEET_FILE), encodePng(sheet.rgb, sheet.width, sheet.height));
  await writeFile(join(options.outDir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  io.stdout(
    options.json
      ? `${JSON.stringify(report)}\n`
      : `${formatTable(runs, summary)}\nreport: ${join(options.outDir, REPORT_FILE)}\n`,
  );
  return report;
}

function buildPipeline(options: RunEvalOptions) {
  return loadOnnxPipeline({
    modelDir: resolve(options.modelDir ?? EMBEDDED_MODEL_DIR),
    ...(options.device !== undefined ? { device: options.device } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
}
