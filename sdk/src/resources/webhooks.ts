import type { Transport } from "../transport.js";
import type { RequestOptions, WebhookDelivery, WebhookDeliveryList, WebhookSecret } from "../types.js";

export interface RotateWebhookSecretParams {
  /** Seconds the old secret keeps signing next to the new one (default: the server's, 24 h); 0 retires it at once. */
  previous_valid_for_s?: number;
}

/**
 * `client.webhooks`: the tenant's signing secret (verify deliveries with `verifyWebhook(body,
 * headers, secret)`), its rotation, and each video's delivery log and redelivery.
 */
export class Webhooks {
  constructor(private readonly transport: Transport) {}

  /** The current signing secret (`whsec_…`), created on first use. Needs a `videos:write` key. */
  async secret(options: RequestOptions = {}): Promise<WebhookSecret> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/webhook-secret", { signal, headers }),
      options,
    );
    return data;
  }

  /**
   * A new signing secret. Until `previous_secret_expires_at` every delivery carries a signature with
   * each secret, so receivers can switch without dropping a message.
   */
  async rotateSecret(params: RotateWebhookSecretParams = {}, options: RequestOptions = {}): Promise<WebhookSecret> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.POST("/v1/webhook-secret/rotate", { body: params, signal, headers }),
      // Not idempotent: a retried rotation would retire the secret the first one returned.
      { maxRetries: 0, ...options },
    );
    return data;
  }

  /** Every webhook message of a video: attempts (status codes, errors, times) and the next attempt. */
  async deliveries(videoId: string, options: RequestOptions = {}): Promise<WebhookDeliveryList> {
    const { data } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.GET("/v1/videos/{id}/webhook-deliveries", {
          params: { path: { id: videoId } },
          signal,
          headers,
        }),
      options,
    );
    return data;
  }

  /** Sends a message again now, with the same `webhook-id`; resolves once the attempt is scheduled. */
  async redeliver(videoId: string, deliveryId: string, options: RequestOptions = {}): Promise<WebhookDelivery> {
    const { data } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.POST("/v1/videos/{id}/webhook-deliveries/{deliveryId}/redeliver", {
          params: { path: { id: videoId, deliveryId } },
          signal,
          headers,
        }),
      options,
    );
    return data;
  }
}
