import { Webhook } from "standardwebhooks";

/** Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) for one body. */
export function signWebhook(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  const signature = new Webhook(secret).sign(messageId, at, body);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
