import {
  type CompleteRequest,
  type FailRequest,
  type HeartbeatRequest,
  HeartbeatResponse,
  JobAck,
  Lease,
  type LeaseRequest,
} from "@sketchreel/contract";
import type { z } from "zod";
import { type RetryHooks, type RetryPolicy, withRetry } from "../retry/backoff.js";
import { classifyEdgeError, EDGE_RETRY_POLICY, EdgeHttpError, LeaseLostError } from "./edge-retry-policy.js";

export interface EdgeClientOptions {
  edgeUrl: string;
  runnerToken: string;
  retry?: RetryPolicy;
  /** Per-request timeout on top of the long-poll wait. Default 15 s. */
  requestTimeoutMs?: number;
  onRetry?: RetryHooks["onRetry"];
}

export type EdgeLease = z.infer<typeof Lease>;
export type EdgeHeartbeat = z.infer<typeof HeartbeatResponse>;
export type EdgeAck = z.infer<typeof JobAck>;

/**
 * The runner side of the protocol in packages/contract/src/routes/internal.ts. Requests are
 * validated by the edge, answers here with the same contract schemas. Every call goes through
 * `EDGE_RETRY_POLICY`; a 409 surfaces as `LeaseLostError`.
 */
export function createEdgeClient(options: EdgeClientOptions) {
  const base = options.edgeUrl.replace(/\/+$/, "");
  const policy = options.retry ?? EDGE_RETRY_POLICY;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;

  async function post<T extends z.ZodType>(
    path: string,
    body: unknown,
    schema: T | null,
    { signal, extraTimeoutMs = 0 }: { signal?: AbortSignal; extraTimeoutMs?: number } = {},
  ): Promise<z.infer<T> | null> {
    return withRetry(
      async () => {
        const timeout = AbortSignal.timeout(timeoutMs + extraTimeoutMs);
        const res = await fetch(`${base}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${options.runnerToken}`, "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        if (res.status === 204) return null;
        const text = await res.text();
        if (!res.ok) throw httpError(res, text);
        if (!schema) return null;
        return schema.parse(JSON.parse(text)) as z.infer<T>;
      },
      policy,
      classifyEdgeError,
      { ...(signal ? { signal } : {}), ...(options.onRetry ? { onRetry: options.onRetry } : {}) },
    );
  }

  return {
    /** Long-polls up to `wait_ms`; null when no job came. */
    lease: (req: z.input<typeof LeaseRequest>, signal?: AbortSignal): Promise<EdgeLease | null> =>
      post("/internal/runners/lease", req, Lease, {
        ...(signal ? { signal } : {}),
        extraTimeoutMs: req.wait_ms ?? 20_000,
      }),
    heartbeat: async (id: string, req: z.input<typeof HeartbeatRequest>) =>
      (await post(`/internal/jobs/${id}/heartbeat`, req, HeartbeatResponse))!,
    complete: async (id: string, req: z.input<typeof CompleteRequest>) =>
      (await post(`/internal/jobs/${id}/complete`, req, JobAck))!,
    fail: async (id: string, req: z.input<typeof FailRequest>) =>
      (await post(`/internal/jobs/${id}/fail`, req, JobAck))!,
  };
}

export type EdgeClient = ReturnType<typeof createEdgeClient>;

function httpError(res: Response, text: string): EdgeHttpError {
  let code: string | undefined;
  let detail = text.slice(0, 500);
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    code = problem.code;
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // not problem+json; keep the raw text
  }
  const retryAfter = res.headers.get("retry-after");
  return res.status === 409
    ? new LeaseLostError(409, code, detail, retryAfter)
    : new EdgeHttpError(res.status, code, detail, retryAfter);
}
