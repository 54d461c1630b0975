import { afterAll, beforeAll, it } from "vitest";
import { hostileBodyCases, sendHostileBody } from "../harness/hostile-bodies.js";
import { startTestStack, type TestStack } from "../harness/stack.js";
let t: TestStack;
beforeAll(async () => { t = await startTestStack({ runners: 0 }); });
afterAll(() => t?.stop());
it("debug", async () => {
  const creds = { apiKey: await t.createKey("internal"), runnerToken: t.stack.info.runnerToken, adminToken: t.stack.info.adminToken };
  for (const c of hostileBodyCases().slice(0, 14)) {
    const a = await sendHostileBody(t.apiUrl, c, creds);
    console.info(c.label, a.status, a.ms, a.sentBytes, a.answeredMidBody, a.body.slice(0, 80));
  }
}, 300_000);
