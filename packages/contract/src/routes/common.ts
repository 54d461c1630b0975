import type { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE, Problem } from "../problem.js";

export const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Errors any authenticated API route may answer with. */
export const apiErrors = {
  400: problem("Malformed request (bad JSON, wrong content type)."),
  401: problem("Missing or invalid credentials."),
  403: problem("The key lacks the scope for this operation."),
  422: problem("Validation failed; `errors[]` names each field and rule."),
  429: problem("Rate limited; see `Retry-After` and the RateLimit headers."),
} as const;

/**
 * What any operation may answer beyond the codes it lists: 500 `internal_error`, or 503
 * `unavailable` while the deployment's configuration is invalid (the edge fails closed).
 */
export const serverErrors = {
  default: problem("Any other error: 500 `internal_error`, 503 `unavailable` (see `Retry-After`); quote `request_id`."),
} as const;

/** Public operations: no credentials (an empty requirement list, not an omitted one). */
export const publicSecurity: { [scheme: string]: string[] }[] = [];
export const apiKeySecurity = [{ ApiKey: [] }];
export const runnerSecurity = [{ RunnerToken: [] }];
export const adminSecurity = [{ AdminToken: [] }];
