import { z } from "@hono/zod-openapi";
import { Timestamp, VideoId } from "./ids.js";
import { VideoEventType } from "./videos.js";

/** One tenant's webhook signing secret (Standard Webhooks, `whsec_` + base64). */
export const WebhookSecret = z
  .object({
    object: z.literal("webhook_secret"),
    secret: z.string().openapi({
      description:
        "Verify `webhook-signature` with this secret (`verifyWebhook` in the SDK). Every webhook of the tenant is signed with it.",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
    created_at: Timestamp,
    previous_secret_expires_at: Timestamp.nullable().openapi({
      description:
        "After a rotation the previous secret still signs (a second `v1,` signature) until this time; null when only one secret signs.",
    }),
  })
  .openapi("WebhookSecret");
export type WebhookSecret = z.infer<typeof WebhookSecret>;

export const MAX_SECRET_GRACE_S = 7 * 24 * 3600;

export const RotateWebhookSecretRequest = z
  .object({
    previous_valid_for_s: z
      .number()
      .int({ error: "previous_valid_for_s must be an integer" })
      .min(0, { error: "previous_valid_for_s must be at least 0" })
      .max(MAX_SECRET_GRACE_S, { error: `previous_valid_for_s must be at most ${MAX_SECRET_GRACE_S} (7 days)` })
      .optional()
      .openapi({
        description:
          "Seconds the old secret keeps signing next to the new one (default 86400). 0 retires it at once (a leaked secret).",
      }),
  })
  .strict()
  .openapi("RotateWebhookSecretRequest");

export const DeliveryId = z
  .string()
  .regex(/^evt_[A-Za-z0-9]{16,40}$/, { error: "deliveryId must look like evt_<16-40 letters or digits>" })
  .openapi({ param: { name: "deliveryId", in: "path" }, example: "evt_5Gm2Qx8LpV0aZr3kTn7Wb1Yc" });

export const WebhookAttempt = z
  .object({
    attempt: z.number().int().positive(),
    trigger: z.enum(["automatic", "manual"]).openapi({ description: "`manual`: asked for with redeliver." }),
    at: Timestamp,
    status_code: z.number().int().nullable().openapi({ description: "The receiver's HTTP status; null if none came." }),
    error: z.string().nullable().openapi({ description: "Why the attempt failed; null when it succeeded (2xx)." }),
    duration_ms: z.number().int().nonnegative(),
  })
  .openapi("WebhookAttempt");

export const WebhookDelivery = z
  .object({
    id: DeliveryId.openapi({ description: "The message id, sent as `webhook-id` (the same on every attempt)." }),
    object: z.literal("webhook_delivery"),
    video_id: VideoId,
    type: VideoEventType,
    url: z.string(),
    status: z.enum(["pending", "delivered", "failed"]).openapi({
      description: "`delivered` once any attempt got a 2xx; `failed` when no attempt is left.",
    }),
    attempts: z.array(WebhookAttempt),
    next_attempt_at: Timestamp.nullable(),
    created_at: Timestamp,
  })
  .openapi("WebhookDelivery");
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryList = z
  .object({ object: z.literal("list"), data: z.array(WebhookDelivery) })
  .openapi("WebhookDeliveryList");
