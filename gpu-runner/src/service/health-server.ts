import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface HealthServerOptions {
  port: number;
  host?: string;
  registry: Registry;
  /** `ok: false` answers 503 (e.g. while draining), so orchestrators stop routing or restart. */
  status: () => { ok: boolean } & Record<string, unknown>;
}

/** `GET /healthz` (JSON status) and `GET /metrics` (Prometheus text format) on a plain HTTP port. */
export async function startHealthServer(
  options: HealthServerOptions,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      const status = options.status();
      res.writeHead(status.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(status));
      return;
    }
    if (path === "/metrics") {
      const body = await options.registry.metrics();
      res.writeHead(200, { "content-type": options.registry.contentType }).end(body);
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
