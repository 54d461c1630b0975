import { InvalidParamsError, ModelPackageError } from "@sketchreel/pipeline";
import { ModelNotFoundError } from "@sketchreel/pipeline/onnx";
import { ConfigError, loadPipelineConfig } from "../config.js";
import { SuiteLoadError } from "./load-suite.js";
import { type EvalFlags, readEvalOptions } from "./options.js";
import { runEval } from "./run-eval.js";

/**
 * `sketchreel eval` once its flags are parsed: 0 done, 2 a suite, prompt, model or setting it cannot
 * use (named in the message). A `UsageError` is left to the command, which prints the usage with it.
 */
export async function runEvalCommand(flags: EvalFlags): Promise<number> {
  const options = readEvalOptions(flags);
  try {
    const config = loadPipelineConfig();
    await runEval(
      { ...options, modelDir: options.modelDir ?? config.modelDir, device: config.device, threads: config.threads },
      {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        progress: process.stderr.isTTY === true,
      },
    );
    return 0;
  } catch (error) {
    const known = [SuiteLoadError, InvalidParamsError, ModelNotFoundError, ModelPackageError, ConfigError];
    if (known.some((type) => error instanceof type)) {
      process.stderr.write(`sketchreel eval: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
