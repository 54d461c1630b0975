import { env, exports } from "cloudflare:workers";
import type { Lease, Video } from "@sketchreel/contract";
import { expect } from "vitest";
import { videoQueue } from "../src/durable/shards/index.js";
import type { Bindings } from "../src/env.js";

export const BASE = "https://edge.test";
export const ADMIN = { authorization: "Bearer test-admin-token" };
export const RUNNER = { authorization: "Bearer test-runner-token" };

/** The JobQueue shard that holds video `id` (from the shard tag in the id). */
export const queueOf = (id: string) => videoQueue(env as Bindings, id);

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function json(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

let tenantCounter = 0;
export const uniqueTenant = (label = "t") => `${label}-${Date.now().toString(36)}-${tenantCounter++}`;

export interface TestKey {
  id: string;
  key: string;
  tenant: string;
  auth: { authorization: string };
}

export async function createKey(
  options: { tenant?: string; tier?: "free" | "pro" | "internal"; scopes?: string[] } = {},
): Promise<TestKey> {
  const tenant = options.tenant ?? uniqueTenant();
  const res = await json(
    "POST",
    "/admin/v1/keys",
    { tenant_id: tenant, tier: options.tier ?? "pro", scopes: options.scopes },
    ADMIN,
  );
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; key: string };
  return { id: body.id, key: body.key, tenant, auth: { authorization: `Bearer ${body.key}` } };
}

export const PROMPT = "a yellow ball rolls from the left edge to the center while a blue cube stays on the right";

export async function createVideo(
  key: TestKey,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await json("POST", "/v1/videos", { prompt: PROMPT, ...body }, { ...key.auth, ...headers });
  return { res, body: (await res.json()) as Video };
}

export async function lease(waitMs = 0, models = ["shape-world-tiny"]) {
  const res = await json(
    "POST",
    "/internal/runners/lease",
    { runner_id: "runner-test", models, wait_ms: waitMs },
    RUNNER,
  );
  if (res.status === 204) return null;
  expect(res.status).toBe(200);
  return (await res.json()) as Lease;
}

/** Lease until a given job comes up (other tests' jobs in the shared queue are failed out of the way). */
export async function leaseJob(id: string) {
  for (let i = 0; i < 100; i++) {
    const grant = await lease(0);
    if (!grant) throw new Error(`job ${id} never came up for lease`);
    if (grant.job.id === id) return grant;
    await json(
      "POST",
      `/internal/jobs/${grant.job.id}/fail`,
      { lease_id: grant.lease.id, code: "test_skip", message: "not this test's job", retryable: false },
      RUNNER,
    );
  }
  throw new Error("queue did not drain");
}

export function outputsFor(prefix: string, variants = ["mp4", "gif", "poster"]) {
  const types: Record<string, string> = { mp4: "video/mp4", gif: "image/gif", poster: "image/png", webm: "video/webm" };
  return variants.map((variant) => ({
    variant,
    key: `${prefix}${variant === "poster" ? "poster.png" : `video.${variant}`}`,
    bytes: 1234,
    sha256: "a".repeat(64),
    content_type: types[variant] ?? "application/octet-stream",
  }));
}

export async function completeJob(grant: NonNullable<Awaited<ReturnType<typeof lease>>>, variants?: string[]) {
  const res = await json(
    "POST",
    `/internal/jobs/${grant.job.id}/complete`,
    {
      lease_id: grant.lease.id,
      seed: grant.job.params.seed,
      outputs: outputsFor(grant.job.output_prefix, variants),
      timings_ms: { total: 42 },
    },
    RUNNER,
  );
  return res;
}

/** Fail every queued job so that the next lease sees only what the test creates. */
export async function drainQueue() {
  for (let grant = await lease(0); grant; grant = await lease(0)) {
    await json(
      "POST",
      `/internal/jobs/${grant.job.id}/fail`,
      { lease_id: grant.lease.id, code: "test_drain", message: "drained", retryable: false },
      RUNNER,
    );
  }
}
