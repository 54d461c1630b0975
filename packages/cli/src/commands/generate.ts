import { resolve } from "node:path";
import { loadOnnxPipeline, type OnnxPipeline } from "@sketchreel/pipeline/onnx";
import type { Command } from "../command.js";
import { loadPipelineConfig } from "../config.js";
import { generate } from "../generate/generate-to-files.js";
import { outputFormatFor } from "../generate/output-target.js";
import { parseGenerateArgs } from "../generate/parse-args.js";
import { toCliError } from "../generate/report-error.js";
import { createProgressBar } from "../progress-bar.js";

const USAGE = `Usage: sketchreel generate "<prompt>" -o OUT [options]

Runs the diffusion pipeline in-process (no server) and writes OUT; its extension picks the format:
.mp4 (H.264), .webm (VP9), .gif, .png (poster frame), or a directory for one PNG per frame.

Options (defaults come from the model package's model_index.json):
  --seed N              unsigned 32-bit seed; same seed, same frames (default: random, reported)
  --steps N             denoising steps
  --guidance G          classifier-free guidance scale, 1 = no unconditional pass
  --frames N            frames in the clip
  --fps N               frames per second of the encoded video
  --size WxH            e.g. 64x64
  --negative "TEXT"     negative prompt
  --scheduler NAME      unipc | euler
  --model DIR           model package (default: MODEL_DIR, else the embedded shape-world-tiny)
  --device NAME         cpu | cuda (default cpu, or DEVICE; cuda falls back to cpu with one log line)
  --threads N           onnxruntime intra-op threads, 0 = all cores (default 0, or THREADS)
  -o, --output OUT      where to write (required)
  --json                print one JSON object (resolved params, seed, timings per stage, outputs) on stdout

A prompt the model cannot draw (a word outside its vocabulary, too many objects or tokens) is
refused before any work: exit 2, nothing written.

Exit codes: 0 done, 2 bad parameters, 1 failure, 130 interrupted.`;

const command: Command = {
  summary: "Generate a clip in-process from a prompt and write MP4/WebM/GIF/PNG",
  usage: USAGE,
  async run(argv) {
    let json = argv.includes("--json");
    let runner: OnnxPipeline | undefined;
    const controller = new AbortController();
    const onSigint = () => controller.abort(new Error("interrupted (SIGINT)"));
    process.once("SIGINT", onSigint);
    const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
    try {
      const args = parseGenerateArgs(argv);
      json = args.json;
      const output = resolve(args.output);
      const format = await outputFormatFor(args.output);
      const config = loadPipelineConfig();
      const loadStart = performance.now();
      runner = await loadOnnxPipeline({
        modelDir: args.modelDir ? resolve(args.modelDir) : config.modelDir,
        device: args.device ?? config.device,
        threads: args.threads ?? config.threads,
      });
      const loadMs = Math.round(performance.now() - loadStart);
      const result = await generate(runner, args.request, {
        outputs: [{ format, path: output }],
        ffmpegPath: config.ffmpegPath,
        signal: controller.signal,
        ...(bar ? { onProgress: (progress) => bar.update(progress) } : {}),
      });
      bar?.done();
      const { prompt, negative_prompt, ...params } = result.request;
      const index = runner.pipeline.model.index;
      const report = {
        prompt,
        negative_prompt,
        seed: params.seed,
        params,
        model: { id: index.model_id, version: index.model_version, dir: runner.modelDir },
        device: runner.backend.activeDevice,
        backend: runner.backend.description,
        timings_ms: {
          load_model: loadMs,
          ...result.timings_ms,
          encode_video: result.encode_ms,
          generate: result.timings_ms.total,
          total: Math.round(loadMs + result.timings_ms.total + result.encode_ms),
        },
        steps_per_second: round(params.num_inference_steps / (result.timings_ms.denoise / 1000)),
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        outputs: result.files.map(({ format, path, bytes, sha256, contentType, width, height, files }) => ({
          format,
          path,
          bytes,
          sha256,
          content_type: contentType,
          width,
          height,
          ...(files ? { files } : {}),
        })),
      };
      if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        const seconds = (report.timings_ms.total / 1000).toFixed(1);
        const size = `${result.video.width}x${result.video.height}`;
        process.stdout.write(
          `wrote ${output} (${format}, ${result.video.frames.length} frames ${size}, seed ${params.seed}, ${seconds} s)\n`,
        );
      }
      return 0;
    } catch (error) {
      bar?.done();
      const failure = toCliError(error);
      if (json) {
        const { exitCode, ...body } = failure;
        process.stdout.write(`${JSON.stringify({ error: body })}\n`);
      } else {
        const hint =
          failure.code === "prompt_out_of_vocabulary"
            ? ["  (`sketchreel models` lists the words the model knows)"]
            : [];
        const lines = failure.errors?.length
          ? ["invalid parameters:", ...failure.errors.map((e) => `  ${e.field}: ${e.message}`), ...hint]
          : [failure.message];
        process.stderr.write(`sketchreel generate: ${lines.join("\n")}\n`);
      }
      return failure.exitCode;
    } finally {
      process.off("SIGINT", onSigint);
      await runner?.dispose();
    }
  },
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export default command;
