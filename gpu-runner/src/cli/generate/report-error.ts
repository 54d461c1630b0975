import type { FieldError } from "@sketchreel/contract";
import { AbortError, InvalidParamsError, ModelPackageError } from "@sketchreel/pipeline";
import { ConfigError } from "../../config.js";
import { EncodeError } from "../../encode/index.js";
import { ModelNotFoundError, UnsupportedOutputError } from "../../generation/index.js";
import { UnsupportedDeviceError } from "../../onnx/index.js";
import { UsageError } from "./parse-args.js";

export interface CliError {
  exitCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}

/** Maps what `generate` can throw to an exit code: 2 bad parameters, 130 interrupted, 1 anything else. */
export function toCliError(error: unknown): CliError {
  if (error instanceof UsageError || error instanceof InvalidParamsError) {
    return { exitCode: 2, code: "invalid_params", message: error.message, errors: error.errors };
  }
  if (error instanceof UnsupportedDeviceError) {
    return field(error.message, "device", "enum");
  }
  if (error instanceof UnsupportedOutputError) return field(error.message, "output", "format");
  if (error instanceof ModelNotFoundError) return field(error.message, "model", "model_package");
  if (error instanceof ConfigError) return { exitCode: 2, code: "invalid_config", message: error.message };
  if (error instanceof AbortError) return { exitCode: 130, code: "aborted", message: error.message };
  if (error instanceof ModelPackageError) return { exitCode: 1, code: error.code, message: error.message };
  if (error instanceof EncodeError) return { exitCode: 1, code: error.code, message: error.message };
  return { exitCode: 1, code: "generation_failed", message: error instanceof Error ? error.message : String(error) };
}

function field(message: string, name: string, rule: string): CliError {
  return { exitCode: 2, code: "invalid_params", message, errors: [{ field: name, rule, message }] };
}
