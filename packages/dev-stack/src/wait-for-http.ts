import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `url` until it answers 2xx. Rejects after `timeoutMs`, or as soon as `gaveUp` settles
 * (e.g. the process that should serve it exited) with that message.
 */
export async function waitForHttp(url: string, options: { timeoutMs: number; gaveUp?: Promise<string> }) {
  const deadline = Date.now() + options.timeoutMs;
  let reason: string | null = null;
  void options.gaveUp?.then((message) => {
    reason = message;
  });
  let lastError = "no answer";
  while (Date.now() < deadline) {
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready after ${options.timeoutMs} ms (${lastError})`);
}
