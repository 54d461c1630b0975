import { createRoute, z } from "@hono/zod-openapi";
import { Model, ModelList } from "../model-info.js";
import { ModelId } from "../params.js";
import { apiErrors, apiKeySecurity, json, problem } from "./common.js";

export const listModels = createRoute({
  method: "get",
  path: "/v1/models",
  operationId: "listModels",
  tags: ["models"],
  summary: "List the served models and what each can make",
  security: apiKeySecurity,
  responses: { 200: json(ModelList, "Every served model, the default first."), ...apiErrors },
});

export const getModel = createRoute({
  method: "get",
  path: "/v1/models/{id}",
  operationId: "getModel",
  tags: ["models"],
  summary: "Get one model: sizes, frame counts, durations, steps, guidance, vocabulary, example prompts",
  security: apiKeySecurity,
  request: { params: z.object({ id: ModelId }) },
  responses: {
    200: json(Model, "The model."),
    ...apiErrors,
    404: problem("No such model; `detail` names the served ones."),
  },
});
