import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "pass" | "503" | "timeout";

export interface S3FaultProxy {
  endpoint: string;
  /** Faults injected so far, by kind. */
  injected: { "503": number; timeout: number };
  /** PUT requests seen (each retry counts). */
  puts: number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of an S3-compatible server that breaks a share of PUTs (object
 * uploads and multipart parts): `pick(n)` decides the fate of the n-th PUT. `503` answers
 * `SlowDown` after reading the body; `timeout` holds the request for `stallMs`, then drops the
 * connection (what a load balancer's idle timeout does). Everything else passes through
 * byte-for-byte, Host header included, so SigV4 signatures still verify.
 */
export async function startS3FaultProxy(
  target: string,
  pick: (n: number) => Fault,
  stallMs = 1_500,
): Promise<S3FaultProxy> {
  const upstream = new URL(target);
  const state = { injected: { "503": 0, timeout: 0 }, puts: 0 };
  const server = createServer((req, res) => {
    const fault: Fault = req.method === "PUT" ? pick(++state.puts) : "pass";
    if (fault === "503") {
      state.injected["503"]++;
      req.resume();
      req.on("end", () => {
        res.writeHead(503, { "content-type": "application/xml", "retry-after": "0" });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
        );
      });
      return;
    }
    if (fault === "timeout") {
      state.injected.timeout++;
      req.resume();
      setTimeout(() => req.socket.destroy(), stallMs);
      return;
    }
    const proxied = forward(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on("error", () => res.destroy());
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get injected() {
      return state.injected;
    },
    get puts() {
      return state.puts;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
