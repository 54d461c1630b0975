import { afterAll, beforeAll, expect, it } from "vitest";
import { generateMalformedRequests } from "../harness/malformed-requests.js";
import { proxyRetries, sendAll, violation } from "../harness/send-requests.js";
import { startTestStack, type TestStack } from "../harness/stack.js";

// ≥ 1 000 malformed requests against the real edge in workerd: 0 × 5xx, every 4xx problem+json.
let t: TestStack;

/** Labels of generated requests that the contract accepts on purpose (documented, not bugs). */
const ODD_BUT_VALID = [
  /fuzz/, // seeded random draws can land on a valid value (seed 0, metadata {}, …)
  /^POST \/v1\/videos (negative_)?prompt /, // any non-empty text is a prompt: emoji, RTL, combining marks, lone surrogates
  /^POST \/v1\/videos (negative_)?prompt="/, // strings such as "64" or "NaN" are text too
  /^POST \/v1\/videos negative_prompt="?\s*"?$/, // the negative prompt may be empty
  /^POST \/v1\/videos (seed=0|guidance_scale=1\.5|metadata=\{\}|metadata=\{"\$gt":""\})$/, // in range
  /^bad JSON "\{\\"prompt\\": \\"\\\\ud800\\"\}"$/, // valid JSON: an escaped lone surrogate
  /^lint bad JSON "\{\\"prompt\\": \\"\\\\ud800\\"\}"$/,
  /^(lint )?content-type "application\/(json; charset=latin1|problem\+json)"$/, // JSON media types
  /^list \?limit=1e2$/, // a number: 100
];
beforeAll(async () => {
  t = await startTestStack({ runners: 0 });
});
afterAll(() => t?.stop());

it("answers every malformed request with a 4xx problem+json and never a 5xx", async () => {
  const requests = generateMalformedRequests(7, 1000);
  expect(requests.length).toBeGreaterThanOrEqual(1000);
  const apiKey = await t.createKey("internal"); // 6 000 requests/min: the validators answer, not the limiter
  const { runnerToken, adminToken } = t.stack.info;
  const answers = await sendAll(t.apiUrl, requests, { apiKey, runnerToken, adminToken });

  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const summary = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${n} × ${status}`);
  console.info(
    `${answers.length} malformed requests: ${summary.join(", ")} (${proxyRetries.count} resent after a local-proxy 503)`,
  );
  const broken = answers.flatMap((a) => {
    const why = violation(a);
    return why ? [`${a.request.label} → ${why}`] : [];
  });
  expect(broken, broken.slice(0, 20).join("\n")).toEqual([]);

  // Everything else is refused, except cases that are odd but valid by the contract.
  const accepted = answers.filter((a) => a.status < 400 && !ODD_BUT_VALID.some((re) => re.test(a.request.label)));
  expect(accepted.map((a) => `${a.request.label} → ${a.status}`)).toEqual([]);
  expect(answers.filter((a) => a.status >= 400).length).toBeGreaterThan(900);
});
