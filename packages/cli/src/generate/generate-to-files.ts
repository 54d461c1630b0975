import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { type EncodedFile, type EncodeFormat, encodeToFile } from "@sketchreel/encode";
import type { GenerateRequest, GenerateResult, RunOptions } from "@sketchreel/pipeline";
import type { OnnxPipeline } from "@sketchreel/pipeline/onnx";

export interface GenerateOutput {
  format: EncodeFormat;
  path: string;
}

export interface GenerateOptions extends RunOptions {
  /** Files to write from the frames; none = frames only. */
  outputs?: GenerateOutput[];
  ffmpegPath?: string;
}

export interface GenerateToFilesResult extends GenerateResult {
  files: Array<EncodedFile & { format: EncodeFormat }>;
  /** Milliseconds spent encoding all outputs. */
  encode_ms: number;
}

/** Runs the pipeline, then encodes its frames to each requested output (stage "encode_video"). */
export async function generate(
  runner: OnnxPipeline,
  request: GenerateRequest,
  options: GenerateOptions = {},
): Promise<GenerateToFilesResult> {
  const { outputs = [], ffmpegPath, ...runOptions } = options;
  const result = await runner.pipeline.run(request, runOptions);
  const start = performance.now();
  if (outputs.length > 0) runOptions.onProgress?.({ stage: "encode_video", step: 0, total_steps: outputs.length });
  const files: GenerateToFilesResult["files"] = [];
  for (const output of outputs) {
    await mkdir(output.format === "png-frames" ? output.path : dirname(output.path), { recursive: true });
    const file = await encodeToFile(result.video, output.format, output.path, ffmpegPath ? { ffmpegPath } : {});
    files.push({ ...file, format: output.format });
  }
  return { ...result, files, encode_ms: Math.round((performance.now() - start) * 100) / 100 };
}
