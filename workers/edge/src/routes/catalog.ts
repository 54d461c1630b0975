import { getTemplate, getUsage, lintPrompt, listTemplates } from "@sketchreel/contract";
import { findTemplate, lintPrompt as lint, listLatestTemplates } from "@sketchreel/prompts";
import type { App } from "../app-types.js";
import { readConfig } from "../config.js";
import { queueTotals, tenantUsage } from "../durable/shards/tenant-queues.js";
import { notFound } from "../errors.js";
import { DEFAULT_MODEL_ID, requireModel } from "../models.js";

export function registerCatalogRoutes(app: App): void {
  app.openapi(listTemplates, (c) => {
    c.header("Cache-Control", "private, max-age=300");
    return c.json({ object: "list" as const, data: listLatestTemplates() }, 200);
  });

  app.openapi(getTemplate, (c) => {
    const template = findTemplate(c.req.valid("param").id);
    if (!template) throw notFound("template");
    return c.json(template, 200);
  });

  app.openapi(lintPrompt, (c) => {
    const { prompt, model: modelId = DEFAULT_MODEL_ID } = c.req.valid("json");
    const model = requireModel(modelId);
    return c.json({ model: model.model_id, ...lint(prompt, model.vocabulary ?? null) }, 200);
  });

  app.openapi(getUsage, async (c) => {
    const principal = c.get("principal");
    const limits = readConfig(c.env).tiers[principal.tier];
    const [usage, queue] = await Promise.all([tenantUsage(c.env, principal.tenantId), queueTotals(c.env)]);
    const start = new Date();
    start.setUTCHours(0, 0, 0, 0);
    const end = new Date(start.getTime() + 24 * 60 * 60 * 1000);
    return c.json(
      {
        object: "usage" as const,
        tenant_id: principal.tenantId,
        tier: principal.tier,
        period: { start: start.toISOString(), end: end.toISOString() },
        limits,
        usage: {
          compute_units: usage.compute_units,
          videos_created: usage.videos_created,
          active_jobs: usage.active_jobs,
        },
        queue,
      },
      200,
    );
  });
}
