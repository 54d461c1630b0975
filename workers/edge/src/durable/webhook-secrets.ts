import { DurableObject } from "cloudflare:workers";
import { readConfig } from "../config.js";
import type { Bindings } from "../env.js";

interface SecretState {
  current: { secret: string; createdAt: number };
  /** The secret before the last rotation, still signing until `expiresAt`. */
  previous: { secret: string; expiresAt: number } | null;
}

/** A tenant's webhook secret as the API shows it (`WebhookSecret` in the contract). */
export interface WebhookSecretView {
  object: "webhook_secret";
  secret: string;
  created_at: string;
  previous_secret_expires_at: string | null;
}

const KEY = "secrets";

export const webhookSecretsStub = (env: Bindings, tenantId: string) =>
  env.WEBHOOK_SECRETS.get(env.WEBHOOK_SECRETS.idFromName(tenantId));

/** `whsec_` + base64 of 32 random bytes (Standard Webhooks: 24 to 64 bytes). */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The webhook signing secrets of one tenant (one object per tenant id): created on first use,
 * rotated on request. After a rotation the previous secret keeps signing for a grace period, so
 * every delivery carries two signatures (Standard Webhooks allows several) and receivers can switch
 * secrets without dropping a message. Strongly consistent: a delivery made after `rotate` returns
 * is signed with the new secret.
 */
export class WebhookSecrets extends DurableObject<Bindings> {
  /** The tenant's secret, created on first use. */
  get(now = Date.now()): WebhookSecretView {
    return view(this.state(now), now);
  }

  /** A new current secret; the old one signs for `graceS` more seconds (0: retired at once). */
  rotate(graceS: number, now = Date.now()): WebhookSecretView {
    const old = this.state(now).current;
    const next: SecretState = {
      current: { secret: newWebhookSecret(), createdAt: now },
      previous: graceS > 0 ? { secret: old.secret, expiresAt: now + graceS * 1000 } : null,
    };
    this.ctx.storage.kv.put(KEY, next);
    return view(next, now);
  }

  /** The secrets that sign a delivery now: the current one, then the previous during its grace. */
  signing(now = Date.now()): string[] {
    const state = this.state(now);
    return state.previous ? [state.current.secret, state.previous.secret] : [state.current.secret];
  }

  private state(now: number): SecretState {
    const stored = this.ctx.storage.kv.get<SecretState>(KEY);
    if (stored) {
      if (stored.previous && stored.previous.expiresAt <= now) {
        const pruned = { ...stored, previous: null };
        this.ctx.storage.kv.put(KEY, pruned);
        return pruned;
      }
      return stored;
    }
    const created: SecretState = { current: { secret: this.firstSecret(), createdAt: now }, previous: null };
    this.ctx.storage.kv.put(KEY, created);
    return created;
  }

  /** Development may seed every tenant with WEBHOOK_SECRET (a local stack's one known secret). */
  private firstSecret(): string {
    const seed = this.env.WEBHOOK_SECRET;
    return readConfig(this.env).environment === "development" && seed ? seed : newWebhookSecret();
  }
}

function view(state: SecretState, now: number): WebhookSecretView {
  const previous = state.previous && state.previous.expiresAt > now ? state.previous : null;
  return {
    object: "webhook_secret",
    secret: state.current.secret,
    created_at: new Date(state.current.createdAt).toISOString(),
    previous_secret_expires_at: previous ? new Date(previous.expiresAt).toISOString() : null,
  };
}
