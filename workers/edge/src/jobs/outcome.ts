import type { ErrorCode, FieldError } from "@sketchreel/contract";
import { ApiError } from "../errors.js";

/** Errors cross the Durable Object RPC boundary as data (classes do not survive it). */
export interface Refusal {
  ok: false;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  retryAfter?: number;
}
export type Outcome<T> = ({ ok: true } & T) | Refusal;

export const refuse = (status: number, code: ErrorCode, detail: string, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  status,
  code,
  detail,
  ...extra,
});

/** Unwrap an outcome in the worker, throwing the typed error for a refusal. */
export function unwrap<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (result.ok) return result as Extract<T, { ok: true }>;
  const outcome = result as unknown as Refusal;
  const options = {
    ...(outcome.errors ? { errors: outcome.errors } : {}),
    ...(outcome.retryAfter !== undefined ? { retryAfter: outcome.retryAfter } : {}),
  };
  throw new ApiError(outcome.status, outcome.code, outcome.detail, options);
}
