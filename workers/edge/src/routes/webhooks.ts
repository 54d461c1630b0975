import { getWebhookSecret, listWebhookDeliveries, redeliverWebhook, rotateWebhookSecret } from "@sketchreel/contract";
import type { Context } from "hono";
import type { App } from "../app-types.js";
import { readConfig } from "../config.js";
import { videoQueue } from "../durable/shards/index.js";
import { dispatcherStub } from "../durable/webhook-dispatcher.js";
import { webhookSecretsStub } from "../durable/webhook-secrets.js";
import type { AppEnv } from "../env.js";
import { notFound } from "../errors.js";
import { logEvent } from "../log.js";

/** The tenant's signing secret, and each video's webhook delivery log and redelivery. */
export function registerWebhookRoutes(app: App): void {
  app.openapi(getWebhookSecret, async (c) => {
    return c.json(await webhookSecretsStub(c.env, c.get("principal").tenantId).get(), 200);
  });

  app.openapi(rotateWebhookSecret, async (c) => {
    const principal = c.get("principal");
    const body = (c.req.valid("json") as { previous_valid_for_s?: number } | undefined) ?? {};
    const graceS = body.previous_valid_for_s ?? readConfig(c.env).webhookSecretGraceS;
    const secret = await webhookSecretsStub(c.env, principal.tenantId).rotate(graceS);
    logEvent("info", "webhook_secret_rotated", {
      tenant_id: principal.tenantId,
      key_id: principal.keyId,
      grace_s: graceS,
    });
    return c.json(secret, 200);
  });

  app.openapi(listWebhookDeliveries, async (c) => {
    const { id } = c.req.valid("param");
    const tenantId = await requireVideo(c, id);
    const data = await dispatcherStub(c.env, id).deliveries(tenantId);
    return c.json({ object: "list" as const, data }, 200);
  });

  app.openapi(redeliverWebhook, async (c) => {
    const { id, deliveryId } = c.req.valid("param");
    const tenantId = await requireVideo(c, id);
    const delivery = await dispatcherStub(c.env, id).redeliver(tenantId, deliveryId);
    if (!delivery) throw notFound("webhook delivery");
    logEvent("info", "webhook_redelivery", { video_id: id, event_id: deliveryId, request_id: c.get("requestId") });
    return c.json(delivery, 202);
  });
}

/** The caller's tenant, once video `id` is known to be its own (another tenant's id reads as absent). */
async function requireVideo(c: Context<AppEnv>, id: string): Promise<string> {
  const tenantId = c.get("principal").tenantId;
  if (!(await videoQueue(c.env, id).getJob(tenantId, id))) throw notFound("video");
  return tenantId;
}
