import type { MalformedRequest } from "./malformed-requests.js";

export interface Credentials {
  apiKey: string;
  runnerToken: string;
  adminToken: string;
}

export interface Answer {
  request: MalformedRequest;
  status: number;
  contentType: string;
  requestId: string | null;
  body: string;
}

function authorization(request: MalformedRequest, creds: Credentials): string | undefined {
  if (request.auth === null) return undefined;
  if (request.auth === "key") return `Bearer ${creds.apiKey}`;
  if (request.auth === "runner") return `Bearer ${creds.runnerToken}`;
  if (request.auth === "admin") return `Bearer ${creds.adminToken}`;
  return request.auth.header;
}

/**
 * wrangler's local dev proxy (in front of workerd, absent in production) sometimes answers a request
 * itself under concurrency: a 503 with this text and no X-Request-Id. The edge never produced it, so
 * such a request is sent again (up to 3 times) and counted in `proxyRetries`.
 */
export const LOCAL_PROXY_RESTART = "Your worker restarted mid-request";
export const proxyRetries = { count: 0 };

/** Sends every request with at most `concurrency` in flight; one Answer each, in order. */
export async function sendAll(
  baseUrl: string,
  requests: MalformedRequest[],
  creds: Credentials,
  concurrency = 8,
): Promise<Answer[]> {
  const answers: Answer[] = new Array(requests.length);
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index]!;
      const headers: Record<string, string> = { ...request.headers };
      const auth = authorization(request, creds);
      if (auth !== undefined) headers.authorization = auth;
      let res: Response;
      try {
        for (let attempt = 1; ; attempt++) {
          res = await fetch(`${baseUrl}${request.path}`, {
            method: request.method,
            headers,
            ...(request.body !== undefined ? { body: request.body as BodyInit } : {}),
            redirect: "manual",
            signal: AbortSignal.timeout(30_000),
          });
          if (attempt > 3 || res.status !== 503 || res.headers.has("x-request-id")) break;
          const text = await res.clone().text();
          if (!text.includes(LOCAL_PROXY_RESTART)) break;
          proxyRetries.count++;
        }
      } catch (error) {
        // The connection broke: report it like a server error, it is one for the client.
        answers[index] = { request, status: 599, contentType: "", requestId: null, body: String(error) };
        continue;
      }
      answers[index] = {
        request,
        status: res.status,
        contentType: res.headers.get("content-type") ?? "",
        requestId: res.headers.get("x-request-id"),
        body: request.path.includes("/events") && res.ok ? "" : await res.text(),
      };
      if (request.path.includes("/events") && res.ok) await res.body?.cancel();
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

/**
 * Why an answer breaks the rule "4xx problem+json, never 5xx" or the request's own expected
 * statuses (null when it keeps both).
 */
export function violation(answer: Answer): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
  const expected = answer.request.expect;
  if (expected && !expected.includes(answer.status)) {
    return `HTTP ${answer.status}, the contract allows ${expected.join(" or ")}: ${answer.body.slice(0, 200)}`;
  }
  if (answer.status < 400) return null;
  if (!answer.contentType.startsWith("application/problem+json"))
    return `${answer.status} with content-type "${answer.contentType}"`;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return `${answer.status} problem+json that does not parse: ${answer.body.slice(0, 200)}`;
  }
  for (const field of ["type", "title", "status", "code", "request_id"]) {
    if (problem[field] === undefined)
      return `${answer.status} problem without "${field}": ${answer.body.slice(0, 200)}`;
  }
  if (problem.status !== answer.status) return `problem.status ${String(problem.status)} ≠ HTTP ${answer.status}`;
  if (!answer.requestId) return `${answer.status} without X-Request-Id`;
  return null;
}
