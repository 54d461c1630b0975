import type { ErrorCode, FieldError, Problem, Video } from "./types.js";

/** Base class of every error the SDK throws. */
export class SketchreelError extends Error {
  override name = "SketchreelError";
}

/** The API answered with an error status; carries the RFC 9457 problem details. */
export class APIError extends SketchreelError {
  override name = "APIError";
  readonly status: number;
  /** Stable machine-readable code (`validation_failed`, `rate_limited`, …); `undefined` if the body was not problem+json. */
  readonly code: ErrorCode | undefined;
  /** The `X-Request-Id` of the failed request: quote it in bug reports. */
  readonly requestId: string | undefined;
  /** Field errors (`field`, `rule`, `message`), empty unless the API named fields. */
  readonly errors: FieldError[];
  /** The parsed problem body, if there was one. */
  readonly problem: Problem | undefined;
  readonly headers: Headers;

  constructor(status: number, problem: Problem | undefined, headers: Headers, fallbackMessage?: string) {
    super(problem ? `${status} ${problem.code}: ${problem.detail}` : (fallbackMessage ?? `HTTP ${status}`));
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.requestId = problem?.request_id ?? headers.get("x-request-id") ?? undefined;
    this.errors = problem?.errors ?? [];
    this.headers = headers;
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
/** 422: the request broke a rule; `errors[]` names each field (`width`, `multiple_of`, "width must be …"). */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}

/** Why the model cannot draw a prompt: the word, where it is in the prompt, and the nearest known words. */
export type VocabularyError = FieldError & Required<Pick<FieldError, "word" | "span" | "suggestions">>;

/**
 * 422 `prompt_out_of_vocabulary`: the model cannot draw the prompt (a word outside its vocabulary,
 * too many objects or tokens), refused before any GPU work. `vocabularyErrors` names each word.
 */
export class PromptOutOfVocabularyError extends UnprocessableEntityError {
  override name = "PromptOutOfVocabularyError";
  get vocabularyErrors(): VocabularyError[] {
    return this.errors.filter(
      (e): e is VocabularyError => e.word !== undefined && e.span !== undefined && e.suggestions !== undefined,
    );
  }
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Seconds the API asked to wait (`Retry-After`), if it said. */
  get retryAfter(): number | undefined {
    const seconds = Number(this.headers.get("retry-after") ?? this.problem?.retry_after);
    return Number.isFinite(seconds) ? seconds : undefined;
  }
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** The request never got an HTTP answer (DNS, refused connection, reset). */
export class APIConnectionError extends SketchreelError {
  override name = "APIConnectionError";
  constructor(message = "Connection error", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * An attempt (or a wait) ran past its time limit. From `createAndWait` and `videos.wait`, `videoId`
 * names the video, which keeps going: wait again with `videos.wait(videoId)` or stop it with
 * `videos.cancel(videoId)` (it is `undefined` only when the create itself never answered).
 */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
  readonly videoId: string | undefined;
  constructor(message = "Request timed out", options: { videoId?: string | undefined } = {}) {
    super(message);
    this.videoId = options.videoId;
  }
}

/** `createAndWait` finished on `failed` or `canceled`; the video says why (`video.error`). */
export class VideoNotSucceededError extends SketchreelError {
  override name = "VideoNotSucceededError";
  readonly video: Video;
  constructor(video: Video) {
    const reason = video.error ? `: ${video.error.code}: ${video.error.message}` : "";
    super(`video ${video.id} ${video.status}${reason}`);
    this.video = video;
  }
}

/** `verifyWebhook` rejected the payload (bad signature, stale timestamp, missing header). */
export class WebhookVerificationError extends SketchreelError {
  override name = "WebhookVerificationError";
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Maps an error response to its typed error; `body` is whatever openapi-fetch parsed. */
export function errorFromResponse(response: Response, body: unknown): APIError {
  const problem = isProblem(body) ? body : undefined;
  const fallback = typeof body === "string" && body ? `HTTP ${response.status}: ${body.slice(0, 200)}` : undefined;
  const ErrorClass =
    problem?.code === "prompt_out_of_vocabulary" && response.status === 422
      ? PromptOutOfVocabularyError
      : (BY_STATUS[response.status] ?? (response.status >= 500 ? InternalServerError : APIError));
  return new ErrorClass(response.status, problem, response.headers, fallback);
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "code" in body && "status" in body && "detail" in body;
}
