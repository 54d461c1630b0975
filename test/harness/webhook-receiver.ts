import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the first delivery (seen or to come) whose body passes `test`. */
  waitFor(test: (hook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

/** An HTTP endpoint on 127.0.0.1 that records every POST and answers 204. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const listeners: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
      for (const listener of listeners) listener();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sketchreel`,
    received,
    waitFor(test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.find(test);
          if (!hit) return false;
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`no matching webhook within ${timeoutMs} ms`)), timeoutMs);
        if (!check()) listeners.push(check);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
