import { createRoute, z } from "@hono/zod-openapi";
import { TemplateId } from "../ids.js";
import { LintRequest, LintResult } from "../prompts.js";
import { Template, TemplateList } from "../templates.js";
import { Usage } from "../usage.js";
import { apiErrors, apiKeySecurity, json, problem } from "./common.js";

export const listTemplates = createRoute({
  method: "get",
  path: "/v1/templates",
  operationId: "listTemplates",
  tags: ["templates"],
  summary: "List prompt templates (latest versions)",
  security: apiKeySecurity,
  responses: { 200: json(TemplateList, "All templates."), ...apiErrors },
});

export const getTemplate = createRoute({
  method: "get",
  path: "/v1/templates/{id}",
  operationId: "getTemplate",
  tags: ["templates"],
  summary: "Get one template",
  security: apiKeySecurity,
  request: { params: z.object({ id: TemplateId }) },
  responses: { 200: json(Template, "The template."), ...apiErrors, 404: problem("No such template.") },
});

export const lintPrompt = createRoute({
  method: "post",
  path: "/v1/prompts/lint",
  operationId: "lintPrompt",
  tags: ["prompts"],
  summary: "Check a prompt against the model's vocabulary and spatial-wording advice",
  security: apiKeySecurity,
  request: { body: { required: true, content: { "application/json": { schema: LintRequest } } } },
  responses: { 200: json(LintResult, "Lint result with a normalized prompt."), ...apiErrors },
});

export const getUsage = createRoute({
  method: "get",
  path: "/v1/usage",
  operationId: "getUsage",
  tags: ["usage"],
  summary: "Limits and today's usage for the calling key's tenant; queue depth",
  security: apiKeySecurity,
  responses: { 200: json(Usage, "Usage."), ...apiErrors },
});
