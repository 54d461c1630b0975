import { z } from "@hono/zod-openapi";
import { ModelId, Prompt } from "./params.js";

export const LINT_CODES = [
  "vague_spatial_word",
  "too_many_subjects",
  "unknown_word",
  "unknown_color",
  "unknown_shape",
  "missing_motion",
  "conflicting_places",
  "too_long",
  "too_many_tokens",
] as const;

export const LintRequest = z.object({ prompt: Prompt, model: ModelId.optional() }).strict().openapi("LintRequest");

export const LintIssue = z
  .object({
    code: z.enum(LINT_CODES),
    severity: z.enum(["error", "warning", "info"]),
    message: z.string(),
    span: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
    suggestion: z.string().nullable(),
  })
  .openapi("LintIssue");
export type LintIssue = z.infer<typeof LintIssue>;

export const LintResult = z
  .object({
    ok: z.boolean().openapi({ description: "No issue of severity error." }),
    model: ModelId,
    normalized_prompt: z.string(),
    subjects: z.number().int().nonnegative(),
    issues: z.array(LintIssue),
  })
  .openapi("LintResult");
export type LintResult = z.infer<typeof LintResult>;
