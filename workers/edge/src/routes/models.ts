import { describeModel, getModel, listModels } from "@sketchreel/contract";
import type { App } from "../app-types.js";
import { ApiError } from "../errors.js";
import { DEFAULT_MODEL_ID, findModel, MODELS } from "../models.js";

/** The catalog is generated at build time, so clients may cache it for a while. */
const CACHE_CONTROL = "private, max-age=300";

export function registerModelRoutes(app: App): void {
  app.openapi(listModels, (c) => {
    const ids = [
      DEFAULT_MODEL_ID,
      ...Object.keys(MODELS)
        .filter((id) => id !== DEFAULT_MODEL_ID)
        .sort(),
    ];
    const data = ids.flatMap((id) => {
      const model = findModel(id);
      return model ? [describeModel(model, id === DEFAULT_MODEL_ID)] : [];
    });
    c.header("Cache-Control", CACHE_CONTROL);
    return c.json({ object: "list" as const, data }, 200);
  });

  app.openapi(getModel, (c) => {
    const { id } = c.req.valid("param");
    const model = findModel(id);
    if (!model) {
      const served = Object.keys(MODELS).sort().join(", ");
      throw new ApiError(404, "not_found", `no model ${id}; the served models are ${served}`);
    }
    c.header("Cache-Control", CACHE_CONTROL);
    return c.json(describeModel(model, id === DEFAULT_MODEL_ID), 200);
  });
}
