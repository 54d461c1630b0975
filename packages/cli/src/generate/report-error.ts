import type { FieldError } from "@sketchreel/contract";
import { EncodeError } from "@sketchreel/encode";
import { AbortError, InvalidParamsError, ModelPackageError } from "@sketchreel/pipeline";
import { ModelNotFoundError, UnsupportedDeviceError } from "@sketchreel/pipeline/onnx";
import { ConfigError } from "../config.js";
import { UsageError } from "../usage-error.js";
import { UnsupportedOutputError } from "./output-target.js";

export interface CliError {
  exitCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}

/**
 * Maps what `generate` can throw to an exit code: 2 bad parameters (a prompt the model cannot draw
 * included), 130 interrupted, 1 anything else.
 */
export function toCliError(error: unknown): CliError {
  if (error instanceof UsageError || error instanceof InvalidParamsError) {
    // The API's code when the model cannot draw the prompt (every error names a word of it).
    const outOfVocabulary = error.errors.length > 0 && error.errors.every((e) => e.word !== undefined);
    const code = outOfVocabulary ? "prompt_out_of_vocabulary" : "invalid_params";
    return { exitCode: 2, code, message: error.message, errors: error.errors };
  }
  if (error instanceof UnsupportedDeviceError) {
    return field(error.message, "device", "enum");
  }
  if (error instanceof UnsupportedOutputError) return field(error.message, "output", "format");
  if (error instanceof ModelNotFoundError) {
    const hint = "--model must name a directory laid out as packages/pipeline/MODEL-PACKAGE.md describes";
    return field(
      `no model package at ${error.modelDir} (model_index.json is missing): ${hint}`,
      "model",
      "model_package",
    );
  }
  if (error instanceof ConfigError) return { exitCode: 2, code: "invalid_config", message: error.message };
  if (error instanceof AbortError) return { exitCode: 130, code: "aborted", message: error.message };
  if (error instanceof ModelPackageError) return { exitCode: 1, code: error.code, message: error.message };
  if (error instanceof EncodeError) return { exitCode: 1, code: error.code, message: error.message };
  return { exitCode: 1, code: "generation_failed", message: error instanceof Error ? error.message : String(error) };
}

function field(message: string, name: string, rule: string): CliError {
  return { exitCode: 2, code: "invalid_params", message, errors: [{ field: name, rule, message }] };
}
