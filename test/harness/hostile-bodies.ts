/**
 * Request bodies a hostile or broken client sends: chunked ones that never end, chunked ones past
 * the limit, a Content-Length far past it with the body held back, a small valid one sent in chunks,
 * each with valid, wrong and no credentials. Sent with node:http so that the client keeps writing
 * while it waits: an edge that reads (or buffers) before answering never answers an endless body.
 */
import { request as httpRequest } from "node:http";
import type { Credentials } from "./send-requests.js";

export type BodyKind = "endless" | "oversize-chunked" | "oversize-declared" | "small-chunked";
export type Who = "valid" | "wrong" | "none";

export interface HostileBodyCase {
  label: string;
  path: string;
  kind: BodyKind;
  who: Who;
  /** The statuses the edge may answer with. */
  expect: readonly number[];
}

export interface HostileBodyAnswer {
  request: HostileBodyCase;
  status: number;
  contentType: string;
  requestId: string | null;
  /** Milliseconds from the first byte sent to the response's headers. */
  ms: number;
  /** Body bytes written before the response arrived. */
  sentBytes: number;
  /** The client was still writing when the answer came (it never had to finish the body). */
  answeredMidBody: boolean;
  body: string;
}

const LIMIT = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, 0x61);
const PACE_MS = 10;
/** An endless body is cut off here if the edge never answers (then the case fails on time). */
const GIVE_UP_MS = 10_000;

const ROUTES: { path: string; auth: "key" | "runner" | "admin"; small: string; ok: readonly number[] }[] = [
  {
    path: "/v1/videos",
    auth: "key",
    small: JSON.stringify({ prompt: "a red ball falls", num_inference_steps: 1, outputs: ["poster"] }),
    ok: [202],
  },
  { path: "/v1/prompts/lint", auth: "key", small: JSON.stringify({ prompt: "a red ball falls" }), ok: [200] },
  { path: "/v1/webhook-secret/rotate", auth: "key", small: JSON.stringify({ previous_valid_for_s: 60 }), ok: [200] },
  {
    path: "/internal/runners/lease",
    auth: "runner",
    small: JSON.stringify({ runner_id: "fuzz", models: ["no-such-model"], wait_ms: 0 }),
    ok: [204],
  },
  { path: "/admin/v1/keys", auth: "admin", small: JSON.stringify({ tenant_id: "fuzz-bodies" }), ok: [201] },
];

/** Every route × body kind × credentials, with the status each must get. */
export function hostileBodyCases(): HostileBodyCase[] {
  const kinds: BodyKind[] = ["endless", "oversize-chunked", "oversize-declared", "small-chunked"];
  const cases: HostileBodyCase[] = [];
  for (const route of ROUTES) {
    for (const kind of kinds) {
      for (const who of ["valid", "wrong", "none"] as const) {
        const expect = who !== "valid" ? [401] : kind === "small-chunked" ? route.ok : [413];
        cases.push({ label: `${kind} ${who} ${route.path}`, path: route.path, kind, who, expect });
      }
    }
  }
  // Unauthenticated public paths: nothing there takes a body, so nothing is read.
  for (const path of ["/oembed", "/embed/shr_AAAAAAAAAAAAAAAAAAAAAAAA", "/openapi.json", "/nope"]) {
    cases.push({ label: `endless none ${path}`, path, kind: "endless", who: "none", expect: [404] });
  }
  return cases;
}

function authorization(path: string, who: Who, creds: Credentials): string | undefined {
  if (who === "none") return undefined;
  if (who === "wrong") return "Bearer sr_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  const route = ROUTES.find((r) => r.path === path);
  if (route?.auth === "runner") return `Bearer ${creds.runnerToken}`;
  if (route?.auth === "admin") return `Bearer ${creds.adminToken}`;
  return `Bearer ${creds.apiKey}`;
}

/** Sends one case and resolves with the edge's answer (status 599 when the connection broke first). */
export function sendHostileBody(baseUrl: string, c: HostileBodyCase, creds: Credentials): Promise<HostileBodyAnswer> {
  const url = new URL(c.path, baseUrl);
  const small = ROUTES.find((r) => r.path === c.path)?.small ?? "{}";
  const headers: Record<string, string> = { "content-type": "application/json" };
  const auth = authorization(c.path, c.who, creds);
  if (auth) headers.authorization = auth;
  if (c.kind === "oversize-declared") headers["content-length"] = String(10 * 1024 * 1024);
  else headers["transfer-encoding"] = "chunked";

  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    let finished = false;
    const req = httpRequest(url, { method: "POST", headers });
    const done = (answer: Omit<HostileBodyAnswer, "request" | "sentBytes" | "ms">) => {
      if (answered) return;
      answered = true;
      clearTimeout(giveUp);
      resolve({ request: c, sentBytes: sent, ms: Math.round(performance.now() - started), ...answer });
      req.destroy();
    };
    const giveUp = setTimeout(
      () => done({ status: 0, contentType: "", requestId: null, answeredMidBody: true, body: "no answer" }),
      GIVE_UP_MS,
    );
    req.on("response", (res) => {
      const midBody = !finished;
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () =>
        done({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          requestId: (res.headers["x-request-id"] as string | undefined) ?? null,
          answeredMidBody: midBody,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", () => {});
    });
    req.on("error", (error) => {
      if (!answered)
        done({ status: 599, contentType: "", requestId: null, answeredMidBody: !finished, body: String(error) });
    });

    const write = (bytes: Buffer) => {
      sent += bytes.length;
      return req.write(bytes);
    };
    if (c.kind === "small-chunked") {
      const body = Buffer.from(small);
      write(body.subarray(0, 5));
      write(body.subarray(5));
      finished = true;
      req.end();
      return;
    }
    // A chunk every PACE_MS (1.6 MB/s): an upload that goes on, rather than one burst that the kernel
    // buffers. A finite oversize body ends after 1 MiB; an endless one never does; a declared 10 MiB
    // one stops sending after 128 KiB and holds the connection open.
    const cap = c.kind === "oversize-chunked" ? 16 * LIMIT : c.kind === "oversize-declared" ? 2 * LIMIT : Infinity;
    const tick = setInterval(() => {
      if (answered) return clearInterval(tick);
      if (sent >= cap) {
        clearInterval(tick);
        if (c.kind === "oversize-chunked") {
          finished = true;
          req.end();
        }
        return;
      }
      write(CHUNK);
    }, PACE_MS);
  });
}

/** Why an answer breaks its case (null when it keeps it): the status, problem+json, and time. */
export function hostileBodyViolation(a: HostileBodyAnswer, maxMs: number): string | null {
  if (!a.request.expect.includes(a.status))
    return `HTTP ${a.status}, expected ${a.request.expect.join(" or ")}: ${a.body.slice(0, 200)}`;
  if (a.status >= 400 && !a.contentType.startsWith("application/problem+json"))
    return `${a.status} with content-type "${a.contentType}"`;
  if (!a.requestId) return `${a.status} without X-Request-Id`;
  if (a.ms > maxMs) return `answered after ${a.ms} ms (limit ${maxMs})`;
  return null;
}
