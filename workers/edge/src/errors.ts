import type { ErrorCode, FieldError } from "@sketchreel/contract";

const TITLES: Partial<Record<ErrorCode, string>> = {
  bad_request: "Bad request",
  invalid_json: "Malformed JSON body",
  unsupported_media_type: "Unsupported media type",
  payload_too_large: "Payload too large",
  validation_failed: "Request validation failed",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  idempotency_key_reused: "Idempotency key reused with a different body",
  content_policy: "Content policy",
  prompt_out_of_vocabulary: "The model cannot draw this prompt",
  rate_limited: "Too many requests",
  concurrency_limited: "Too many active jobs",
  budget_exhausted: "Daily compute budget exhausted",
  not_ready: "Not ready",
  lease_lost: "Lease lost",
  internal_error: "Internal error",
  unavailable: "Service unavailable",
};

export interface ApiErrorOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  retryAfter?: number;
}

/** A typed domain error. Thrown anywhere; rendered once, by the app's onError, as problem+json. */
export class ApiError extends Error {
  readonly title: string;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    detail: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(detail);
    this.name = "ApiError";
    this.title = TITLES[code] ?? code;
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

export function validationFailed(errors: FieldError[]): ApiError {
  const detail = errors.map((e) => e.message).join("; ") || "request validation failed";
  return new ApiError(422, "validation_failed", detail, { errors });
}

export const fieldError = (field: string, rule: string, message: string) =>
  validationFailed([{ field, rule, message }]);
