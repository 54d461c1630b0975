import { PROBLEM_CONTENT_TYPE, type Problem, problemTypeUri } from "@sketchreel/contract";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env.js";
import { ApiError } from "./errors.js";
import { logEvent } from "./log.js";

/** Map framework exceptions (from hono's validators and gates) to our typed errors. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 415) return new ApiError(415, "unsupported_media_type", "Content-Type must be application/json");
    if (err.status === 413) return new ApiError(413, "payload_too_large", err.message);
    if (err.status === 400) return new ApiError(400, "invalid_json", "the request body is not valid JSON");
    if (err.status === 401) return new ApiError(401, "unauthorized", err.message || "unauthorized");
    if (err.status < 500) return new ApiError(err.status, "bad_request", err.message || "bad request");
  }
  return new ApiError(500, "internal_error", "internal error; quote the request id when reporting it");
}

/** Render any error as RFC 9457 problem+json carrying the request id. */
export function renderProblem(c: Context<AppEnv>, err: unknown): Response {
  const error = toApiError(err);
  const requestId = c.get("requestId") ?? "unknown";
  if (error.status >= 500) {
    logEvent("error", "unhandled_error", {
      request_id: requestId,
      path: c.req.path,
      message: String((err as Error)?.stack ?? err),
    });
  }
  const body: Problem = {
    type: problemTypeUri(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    request_id: requestId,
    instance: c.req.path,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...(error.options.retryAfter !== undefined ? { retry_after: error.options.retryAfter } : {}),
  };
  const headers: Record<string, string> = { ...error.options.headers, "content-type": PROBLEM_CONTENT_TYPE };
  if (error.options.retryAfter !== undefined) headers["retry-after"] = String(error.options.retryAfter);
  return c.body(JSON.stringify(body), error.status as 400, headers);
}
