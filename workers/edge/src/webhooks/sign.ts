import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) for one body,
 * signed with every secret given (space-separated `v1,…` signatures: during a secret rotation a
 * receiver verifies with either the old or the new secret).
 */
export function signWebhook(secrets: readonly string[], messageId: string, at: Date, body: string) {
  if (secrets.length === 0) throw new Error("signWebhook: no secret to sign with");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
