import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileBodyCases, hostileBodyViolation, sendHostileBody } from "../harness/hostile-bodies.js";
import { generateMalformedRequests } from "../harness/malformed-requests.js";
import { type Credentials, proxyRetries, sendAll, violation } from "../harness/send-requests.js";
import { startTestStack, type TestStack } from "../harness/stack.js";
import { startWorkerdEdge, type WorkerdEdge } from "../support/workerd-edge.js";

// ≥ 1 000 malformed requests against the local stack (`sketchreel dev`'s edge in workerd) and 64
// hostile bodies against the bundled edge in workerd without wrangler's dev proxy (which reads
// request bodies itself), once with development settings and once with production ones: 0 × 5xx,
// every 4xx problem+json, every status one the contract allows, every body answered unread.

/** Labels of generated requests that the contract accepts on purpose (documented, not bugs). */
const ODD_BUT_VALID = [
  /^POST \/v1\/videos (negative_)?prompt /, // any non-empty text is a prompt: emoji, RTL, combining marks, lone surrogates
  /^POST \/v1\/videos (negative_)?prompt="/, // strings such as "64" or "NaN" are text too
  /^POST \/v1\/videos negative_prompt="?\s*"?$/, // the negative prompt may be empty
  /^POST \/v1\/videos (seed=0|guidance_scale=1\.5|metadata=\{\}|metadata=\{"\$gt":""\})$/, // in range
  /^bad JSON "\{\\"prompt\\": \\"\\\\ud800\\"\}"$/, // valid JSON: an escaped lone surrogate
  /^lint bad JSON "\{\\"prompt\\": \\"\\\\ud800\\"\}"$/,
  /^(lint )?content-type "application\/(json; charset=latin1|problem\+json)"$/, // JSON media types
  /^list \?limit=1e2$/, // a number: 100
];

/** An endless body must be answered within this, never after the client gives up. */
const MAX_ANSWER_MS = 5_000;

const SETTINGS = {
  development: { ENVIRONMENT: "development", PUBLIC_BASE_URL: "http://127.0.0.1:8787" },
  production: {
    ENVIRONMENT: "production",
    PUBLIC_BASE_URL: "https://api.sketchreel.example",
    // `sketchreel dev` allows loopback webhooks; production refuses to start with that (fails closed).
    WEBHOOK_ALLOW_LOOPBACK: "false",
  },
} as const;

describe.each(Object.entries(SETTINGS))("with %s settings", (environment, edgeVars) => {
  let t: TestStack;
  let creds: Credentials;
  let workerd: WorkerdEdge;

  beforeAll(async () => {
    workerd = await startWorkerdEdge(edgeVars);
    const { PUBLIC_BASE_URL: _stackSetsItsOwn, ...stackVars } = edgeVars;
    t = await startTestStack({ runners: 0, edgeVars: environment === "production" ? edgeVars : stackVars });
    // 6 000 requests/min: the validators answer, not the limiter.
    creds = {
      apiKey: await t.createKey("internal"),
      runnerToken: t.stack.info.runnerToken,
      adminToken: t.stack.info.adminToken,
    };
  });
  afterAll(async () => {
    await t?.stop();
    await workerd?.stop();
  });

  it("answers every malformed request with a 4xx problem+json the contract allows, never a 5xx", async () => {
    const requests = generateMalformedRequests(7, 1000);
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const answers = await sendAll(t.apiUrl, requests, creds);

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const summary = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status}`);
    const judged = answers.filter((a) => a.request.expect);
    const contractValid = judged.filter((a) => a.request.expect?.includes(202)).length;
    console.info(
      `[${environment}] ${answers.length} malformed requests: ${summary.join(", ")}; ${judged.length} judged by the contract's schema (${contractValid} of them valid) (${proxyRetries.count} resent after a local-proxy 503)`,
    );
    const broken = answers.flatMap((a) => {
      const why = violation(a);
      return why ? [`${a.request.label} → ${why}`] : [];
    });
    expect(broken, broken.slice(0, 20).join("\n")).toEqual([]);

    // Everything else is refused, except cases that are odd but valid by the contract.
    const accepted = answers.filter(
      (a) => a.status < 400 && !a.request.expect && !ODD_BUT_VALID.some((re) => re.test(a.request.label)),
    );
    expect(accepted.map((a) => `${a.request.label} → ${a.status}`)).toEqual([]);
    expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThan(900);
  });

  it("answers endless, oversize and chunked bodies at once: 401 without credentials, 413 past 64 KiB", async () => {
    const cases = hostileBodyCases();
    const direct = {
      apiKey: await workerd.createKey(),
      runnerToken: workerd.runnerToken,
      adminToken: workerd.adminToken,
    };
    const answers = [];
    for (const c of cases) answers.push(await sendHostileBody(workerd.url, c, direct));
    const broken = answers.flatMap((a) => {
      const why = hostileBodyViolation(a, MAX_ANSWER_MS);
      return why ? [`${a.request.label} → ${why}`] : [];
    });
    const endless = answers.filter((a) => a.request.kind === "endless");
    console.info(
      `[${environment}] ${answers.length} hostile bodies: ${answers.filter((a) => a.status === 401).length} × 401, ${answers.filter((a) => a.status === 413).length} × 413, ${answers.filter((a) => a.status < 300).length} × 2xx, ${answers.filter((a) => a.status === 404).length} × 404; slowest answer ${Math.max(...answers.map((a) => a.ms))} ms; ${endless.filter((a) => a.answeredMidBody).length}/${endless.length} endless bodies answered while still being sent; at most ${Math.max(...answers.filter((a) => a.status === 401).map((a) => a.sentBytes))} bytes written before a 401`,
    );
    expect(broken, broken.join("\n")).toEqual([]);
    expect(endless.every((a) => a.answeredMidBody)).toBe(true);
  });

  it("honours Idempotency-Key: the same body replays, another body with the key is refused", async () => {
    const key = `fuzz-${environment}-${Date.now()}`;
    const send = (prompt: string) =>
      fetch(`${t.apiUrl}/v1/videos`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${creds.apiKey}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body: JSON.stringify({ prompt, num_inference_steps: 1, outputs: ["poster"] }),
      });
    const first = await send("a red ball falls");
    expect(first.status).toBe(202);
    const replay = await send("a red ball falls");
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const reused = await send("a blue square rises");
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: "idempotency_key_reused" });
  });
});
