import { z } from "@hono/zod-openapi";

/** Machine-readable error codes. Stable: clients switch on these. */
export const ERROR_CODES = [
  "bad_request",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "idempotency_key_reused",
  "content_policy",
  "prompt_out_of_vocabulary",
  "rate_limited",
  "concurrency_limited",
  "budget_exhausted",
  "not_ready",
  "lease_lost",
  "runner_lost",
  "generation_failed",
  "internal_error",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldError = z
  .object({
    field: z.string().openapi({ description: "Dotted path of the offending field.", example: "width" }),
    rule: z.string().openapi({ description: "The rule it broke.", example: "multiple_of" }),
    message: z.string().openapi({ example: "width must be a multiple of 16 (got 500)" }),
    word: z
      .string()
      .optional()
      .openapi({ description: "The offending word of a prompt (`prompt_out_of_vocabulary`).", example: "cat" }),
    span: z
      .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      .optional()
      .openapi({ description: "Where `word` is in the prompt: UTF-16 offsets, `end` exclusive." }),
    suggestions: z
      .array(z.string())
      .optional()
      .openapi({ description: "The nearest words the model knows, best first.", example: ["dot"] }),
  })
  .openapi("FieldError");
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error response of the API. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: "https://sketchreel.dev/problems/validation_failed" }),
    title: z.string().openapi({ example: "Request validation failed" }),
    status: z.number().int().min(400).max(599),
    detail: z.string().openapi({ example: "width must be a multiple of 16 (got 500)" }),
    code: z.enum(ERROR_CODES),
    request_id: z.string(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
    retry_after: z.number().int().nonnegative().optional(),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemTypeUri(code: ErrorCode): string {
  return `https://sketchreel.dev/problems/${code}`;
}

/**
 * Turn zod issues into field errors that name the field, the rule and the value.
 * Pass the parsed `input` so that a missing field reads "x is required" rather than a type error.
 */
export function toFieldErrors(error: z.ZodError, input?: unknown, prefix = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const field = prefix && path ? `${prefix}.${path}` : prefix || path || "(body)";
    const missing = issue.code === "invalid_type" && input !== undefined && valueAt(input, issue.path) === undefined;
    if (missing) return { field, rule: "required", message: `${field} is required` };
    return { field, rule: ruleOf(issue), message: messageOf(field, issue) };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return "minimum";
    case "too_big":
      return "maximum";
    case "not_multiple_of":
      return "multiple_of";
    case "invalid_type":
      return "type";
    case "invalid_value":
      return "enum";
    case "unrecognized_keys":
      return "unknown_field";
    case "invalid_format":
      return "format";
    case "custom":
      return typeof issue.params?.rule === "string" ? issue.params.rule : "custom";
    default:
      return issue.code;
  }
}

function messageOf(field: string, issue: z.core.$ZodIssue): string {
  const message = issue.message;
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  return message.startsWith(field) ? message : `${field}: ${message}`;
}
