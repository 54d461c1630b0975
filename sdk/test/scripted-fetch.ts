import type { FetchLike } from "../src/index.js";

export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  at: number;
}

/**
 * A `fetch` that answers from a script, one handler per request, and records what was sent.
 * For the client's own policies (retries, error mapping); behaviour against the API itself is
 * tested against the real edge (test/edge.test.ts).
 */
export function scriptedFetch(script: Array<(request: Request) => Response | Promise<Response>>) {
  const requests: Recorded[] = [];
  const fetch: FetchLike = async (request) => {
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.clone().text(),
      at: performance.now(),
    });
    const handler = script[requests.length - 1];
    if (!handler) throw new Error(`unexpected request #${requests.length}: ${request.method} ${request.url}`);
    return handler(request);
  };
  return { fetch, requests };
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  const body = {
    type: `https://sketchreel.dev/problems/${code}`,
    title: code,
    status,
    detail: `${code} detail`,
    code,
    request_id: "req_test",
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": "req_test", ...headers },
  });
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}
