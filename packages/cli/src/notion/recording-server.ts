import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export type Reply = { status: number; body: unknown };

/**
 * A loopback HTTP server standing in for Notion's API (which cannot run here): it records each
 * request and answers from a script, one reply per request, in order.
 */
export async function startRecordingServer(replies: Reply[]) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    const reply = replies[requests.length - 1] ?? {
      status: 500,
      body: { object: "error", code: "internal_server_error", message: "unscripted request" },
    };
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Notion's documented error body. */
export function notionError(status: number, code: string, message: string): Reply {
  return { status, body: { object: "error", status, code, message, request_id: "notion-req-1" } };
}

/** Notion's documented append response: the list of created blocks. */
export function appended(type: "embed" | "video", id = "b5a6c7d8-0000-4000-8000-000000000001"): Reply {
  return {
    status: 200,
    body: { object: "list", results: [{ object: "block", id, type }], next_cursor: null, has_more: false },
  };
}
