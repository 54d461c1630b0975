import type { FieldError } from "@sketchreel/contract";

/** Base of every error the pipeline throws on purpose; `code` is stable for callers to switch on. */
export class PipelineError extends Error {
  constructor(
    readonly code: "invalid_params" | "invalid_model_package" | "aborted" | "backend_failed",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Generation parameters broke a rule of the contract or of the model's declared limits. */
export class InvalidParamsError extends PipelineError {
  constructor(readonly errors: FieldError[]) {
    super("invalid_params", errors.map((e) => e.message).join("; "));
  }
}

/** A model package file is missing or malformed; names the file and, when known, the field. */
export class ModelPackageError extends PipelineError {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    detail: string,
    options?: ErrorOptions,
  ) {
    super("invalid_model_package", `${file}${field ? ` (${field})` : ""}: ${detail}`, options);
  }
}

/** The caller's AbortSignal fired; thrown between denoising steps. */
export class AbortError extends PipelineError {
  constructor(
    readonly stage: string,
    readonly step: number,
    options?: ErrorOptions,
  ) {
    super("aborted", `generation aborted during ${stage} at step ${step}`, options);
  }
}

/** The inference backend failed running a graph; names the component. */
export class BackendError extends PipelineError {
  constructor(
    readonly component: string,
    cause: unknown,
  ) {
    super("backend_failed", `${component} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}
