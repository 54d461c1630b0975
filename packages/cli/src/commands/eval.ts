import { InvalidParamsError, ModelPackageError } from "@sketchreel/pipeline";
import { ModelNotFoundError } from "@sketchreel/pipeline/onnx";
import type { Command } from "../command.js";
import { ConfigError, loadPipelineConfig } from "../config.js";
import { SuiteLoadError } from "../eval/load-suite.js";
import { EVAL_USAGE, parseEvalArgs } from "../eval/options.js";
import { runEval } from "../eval/run-eval.js";
import { UsageError } from "../usage-error.js";

const command: Command = {
  summary: "score a model on the shape-world suite (per-clause accuracy, report.json, contact sheet)",
  usage: EVAL_USAGE,
  async run(argv) {
    try {
      const options = parseEvalArgs(argv);
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
      if (error instanceof UsageError) {
        process.stderr.write(`sketchreel eval: ${error.message}\n\n${EVAL_USAGE}\n`);
        return 2;
      }
      const known = [SuiteLoadError, InvalidParamsError, ModelNotFoundError, ModelPackageError, ConfigError];
      if (known.some((type) => error instanceof type)) {
        process.stderr.write(`sketchreel eval: ${(error as Error).message}\n`);
        return 2;
      }
      throw error;
    }
  },
};

export default command;
