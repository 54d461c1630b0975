import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type Video = Schemas["Video"];
export type VideoList = Schemas["VideoList"];
export type JobState = Schemas["JobState"];
export type Progress = Schemas["Progress"];
export type Output = Schemas["Output"];
export type Variant = Schemas["Variant"];
export type Template = Schemas["Template"];
export type TemplateList = Schemas["TemplateList"];
export type LintResult = Schemas["LintResult"];
export type LintIssue = Schemas["LintIssue"];
export type LintRequest = Schemas["LintRequest"];
export type Model = Schemas["Model"];
export type ModelList = Schemas["ModelList"];
export type ModelVocabulary = Schemas["ModelVocabulary"];
export type Usage = Schemas["Usage"];
export type WebhookSecret = Schemas["WebhookSecret"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type WebhookDeliveryList = Schemas["WebhookDeliveryList"];
export type WebhookAttempt = Schemas["WebhookAttempt"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];
export type ErrorCode = Problem["code"];

/** Event types of the SSE stream and of webhooks (the contract's `VIDEO_EVENT_TYPES`). */
export type VideoEventType =
  | "video.queued"
  | "video.running"
  | "video.progress"
  | "video.succeeded"
  | "video.failed"
  | "video.canceled";

/** One Server-Sent Event's `data` and one webhook body (the contract's `VideoEvent`). */
export interface VideoEvent {
  id: string;
  type: VideoEventType;
  created_at: string;
  data: Video;
}

/**
 * The body of `POST /v1/videos`. Same as the generated `CreateVideoRequest`, except that
 * `template.variables` may be omitted (the API defaults it to `{}`; the generated output shape marks it required).
 */
export type CreateVideoParams = Omit<Schemas["CreateVideoRequest"], "template"> & {
  template?: Omit<Schemas["TemplateRef"], "variables"> & { variables?: Schemas["TemplateRef"]["variables"] };
};

export interface ListVideosParams {
  /** Page size, 1-100 (default 20). */
  limit?: number;
  /** Start after this cursor (from a previous page's `next_cursor`). */
  cursor?: string;
  status?: JobState;
}

/** Per-call options accepted by every method. */
export interface RequestOptions {
  /** Aborts the call (including any retry wait). */
  signal?: AbortSignal;
  /** Milliseconds per attempt; overrides the client's `timeout`. */
  timeout?: number;
  /** Overrides the client's `maxRetries`. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

export const TERMINAL_STATES: readonly JobState[] = ["succeeded", "failed", "canceled"];

export function isTerminal(status: JobState): boolean {
  return TERMINAL_STATES.includes(status);
}
