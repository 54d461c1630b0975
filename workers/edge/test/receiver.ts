import { Webhook } from "standardwebhooks";
import { vi } from "vitest";
import { call } from "./helpers.js";

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How the fake receiver answers: a status, or `"drop"` for a connection that breaks without one. */
export type Answer = number | "drop";

/**
 * A third-party webhook receiver: requests to URLs under `prefix` are answered by `answer` (the
 * n-th delivery to that URL, from 1) instead of leaving the test; everything else goes out as usual.
 */
export function interceptReceiver(
  prefix: string,
  answer: (n: number, url: string, headers: Record<string, string>) => Answer = () => 204,
) {
  const received: Received[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(prefix)) return realFetch(input, init);
    received.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    const headers = Object.fromEntries(request.headers);
    const n = received.filter((r) => r.url === request.url).length;
    const reply = answer(n, request.url, headers);
    if (reply === "drop") throw new TypeError("Network connection lost.");
    return new Response(null, { status: reply });
  });
  return received;
}

/** Whether `hook` verifies with `secret` (Standard Webhooks' reference implementation). */
export function verifies(hook: Received, secret: string): boolean {
  try {
    new Webhook(secret).verify(hook.body, hook.headers);
    return true;
  } catch {
    return false;
  }
}

export async function webhookSecret(auth: Record<string, string>): Promise<string> {
  const res = await call("/v1/webhook-secret", { headers: auth });
  if (res.status !== 200) throw new Error(`GET /v1/webhook-secret: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}
