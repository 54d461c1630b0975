import { createRoute, z } from "@hono/zod-openapi";
import { VideoId } from "../ids.js";
import {
  DeliveryId,
  RotateWebhookSecretRequest,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookSecret,
} from "../webhooks.js";
import { apiErrors, apiKeySecurity, json, problem } from "./common.js";

export const getWebhookSecret = createRoute({
  method: "get",
  path: "/v1/webhook-secret",
  operationId: "getWebhookSecret",
  tags: ["webhooks"],
  summary: "The tenant's webhook signing secret (created on first use; needs videos:write)",
  security: apiKeySecurity,
  responses: { 200: json(WebhookSecret, "The current secret."), ...apiErrors },
});

export const rotateWebhookSecret = createRoute({
  method: "post",
  path: "/v1/webhook-secret/rotate",
  operationId: "rotateWebhookSecret",
  tags: ["webhooks"],
  summary: "Replace the webhook secret; the old one keeps signing for a grace period (default 24 h)",
  security: apiKeySecurity,
  request: {
    body: { required: false, content: { "application/json": { schema: RotateWebhookSecretRequest } } },
  },
  responses: {
    200: json(WebhookSecret, "The new secret. Deliveries carry a signature with each valid secret."),
    ...apiErrors,
  },
});

const VideoParams = z.object({ id: VideoId });

export const listWebhookDeliveries = createRoute({
  method: "get",
  path: "/v1/videos/{id}/webhook-deliveries",
  operationId: "listWebhookDeliveries",
  tags: ["webhooks"],
  summary: "The webhook messages of a video, each with every attempt and the next one",
  security: apiKeySecurity,
  request: { params: VideoParams },
  responses: {
    200: json(WebhookDeliveryList, "Oldest first."),
    ...apiErrors,
    404: problem("No such video for this tenant."),
  },
});

export const redeliverWebhook = createRoute({
  method: "post",
  path: "/v1/videos/{id}/webhook-deliveries/{deliveryId}/redeliver",
  operationId: "redeliverWebhook",
  tags: ["webhooks"],
  summary: "Send a webhook message again now (same webhook-id; the automatic schedule is unchanged)",
  security: apiKeySecurity,
  request: { params: VideoParams.extend({ deliveryId: DeliveryId }) },
  responses: {
    202: json(WebhookDelivery, "The attempt is scheduled (`next_attempt_at`); poll the list for its outcome."),
    ...apiErrors,
    404: problem("No such video or delivery for this tenant."),
  },
});
