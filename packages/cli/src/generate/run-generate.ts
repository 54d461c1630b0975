import { resolve } from "node:path";
import { loadOnnxPipeline, type OnnxPipeline } from "@sketchreel/pipeline/onnx";
import { loadPipelineConfig } from "../config.js";
import { createProgressBar } from "../progress-bar.js";
import { generate } from "./generate-to-files.js";
import { outputFormatFor } from "./output-target.js";
import { type GenerateFlags, readGenerateArgs } from "./parse-args.js";
import { toCliError } from "./report-error.js";

/** `sketchreel generate`: load the model, run the pipeline, encode OUT, report; resolves to the exit code. */
export async function runGenerate(prompt: string, flags: GenerateFlags): Promise<number> {
  const json = flags.json === true;
  let runner: OnnxPipeline | undefined;
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error("interrupted (SIGINT)"));
  process.once("SIGINT", onSigint);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  try {
    const args = readGenerateArgs(prompt, flags);
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
    const { prompt: resolvedPrompt, negative_prompt, ...params } = result.request;
    const index = runner.pipeline.model.index;
    const report = {
      prompt: resolvedPrompt,
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
        failure.code === "prompt_out_of_vocabulary" ? ["  (`sketchreel models` lists the words the model knows)"] : [];
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
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
