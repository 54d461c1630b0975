import { createRoute, z } from "@hono/zod-openapi";
import { ApiKey, CreatedApiKey, CreateKeyRequest } from "../admin.js";
import { KeyId, VideoId } from "../ids.js";
import {
  CompleteRequest,
  FailRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  JobAck,
  Lease,
  LeaseRequest,
} from "../runners.js";
import { adminSecurity, json, problem, runnerSecurity } from "./common.js";

const runnerErrors = {
  401: problem("Missing or invalid runner token."),
  422: problem("Validation failed."),
} as const;
const JobParams = z.object({ id: VideoId });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

export const leaseJob = createRoute({
  method: "post",
  path: "/internal/runners/lease",
  operationId: "leaseJob",
  tags: ["runners"],
  summary: "Long-poll for the next queued job (FIFO per model)",
  security: runnerSecurity,
  request: { body: body(LeaseRequest) },
  responses: {
    200: json(Lease, "A job and its lease."),
    204: { description: "No job within wait_ms." },
    ...runnerErrors,
  },
});

export const heartbeatJob = createRoute({
  method: "post",
  path: "/internal/jobs/{id}/heartbeat",
  operationId: "heartbeatJob",
  tags: ["runners"],
  summary: "Extend the lease, report progress, learn about cancellation",
  security: runnerSecurity,
  request: { params: JobParams, body: body(HeartbeatRequest) },
  responses: {
    200: json(HeartbeatResponse, "Lease extended."),
    ...runnerErrors,
    404: problem("No such job."),
    409: problem("The lease is no longer held (`lease_lost`)."),
  },
});

export const completeJob = createRoute({
  method: "post",
  path: "/internal/jobs/{id}/complete",
  operationId: "completeJob",
  tags: ["runners"],
  summary: "Finish a job with its uploaded outputs (exactly once per job)",
  security: runnerSecurity,
  request: { params: JobParams, body: body(CompleteRequest) },
  responses: {
    200: json(JobAck, "Recorded."),
    ...runnerErrors,
    404: problem("No such job."),
    409: problem("The lease is no longer held (`lease_lost`)."),
  },
});

export const failJob = createRoute({
  method: "post",
  path: "/internal/jobs/{id}/fail",
  operationId: "failJob",
  tags: ["runners"],
  summary:
    "Report a failure (retryable ones requeue, max 3 attempts) or hand the job back (`released`, no attempt used)",
  security: runnerSecurity,
  request: { params: JobParams, body: body(FailRequest) },
  responses: {
    200: json(JobAck, "Recorded."),
    ...runnerErrors,
    404: problem("No such job."),
    409: problem("The lease is no longer held (`lease_lost`)."),
  },
});

export const createKey = createRoute({
  method: "post",
  path: "/admin/v1/keys",
  operationId: "createApiKey",
  tags: ["admin"],
  summary: "Create an API key (the secret is returned once)",
  security: adminSecurity,
  request: { body: body(CreateKeyRequest) },
  responses: {
    201: json(CreatedApiKey, "Created."),
    401: problem("Missing or invalid admin token."),
    422: problem("Validation failed."),
  },
});

export const revokeKey = createRoute({
  method: "delete",
  path: "/admin/v1/keys/{id}",
  operationId: "revokeApiKey",
  tags: ["admin"],
  summary: "Revoke an API key",
  security: adminSecurity,
  request: { params: z.object({ id: KeyId }) },
  responses: {
    200: json(ApiKey, "Revoked."),
    401: problem("Missing or invalid admin token."),
    404: problem("No such key."),
  },
});
