import { describe, expect, it } from "vitest";
import { call, completeJob, createKey, createVideo, leaseJob } from "./helpers.js";

describe("smoke", () => {
  it("creates, leases and completes a job", async () => {
    const key = await createKey();
    const { res, body } = await createVideo(key, { seed: 1 });
    expect(res.status).toBe(202);
    const grant = await leaseJob(body.id);
    expect((await completeJob(grant)).status).toBe(200);
    const got = await call(`/v1/videos/${body.id}`, { headers: key.auth });
    expect(got.status).toBe(200);
    expect(((await got.json()) as { status: string }).status).toBe("succeeded");
  });
});
