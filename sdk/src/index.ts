export { APIPromise, type WithResponse } from "./api-promise.js";
export { type ClientOptions, Sketchreel } from "./client.js";
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PromptOutOfVocabularyError,
  RateLimitError,
  SketchreelError,
  UnprocessableEntityError,
  VideoNotSucceededError,
  type VocabularyError,
  WebhookVerificationError,
} from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { type Page, PagePromise } from "./pagination.js";
export type { CreateOptions } from "./resources/videos.js";
export type { CreateAndWaitOptions, WaitOptions } from "./resources/wait.js";
export type { RotateWebhookSecretParams } from "./resources/webhooks.js";
export type { FetchLike } from "./transport.js";
export * from "./types.js";
export { type VerifyWebhookOptions, verifyWebhook, type WebhookHeaders } from "./webhooks.js";
