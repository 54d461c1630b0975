import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./problem.js";
import { CompleteRequest, FailRequest, HeartbeatRequest, LeaseRequest } from "./runners.js";

describe("runner protocol schemas", () => {
  it("defaults the long-poll time and bounds it", () => {
    expect(LeaseRequest.parse({ runner_id: "r1", models: ["shape-world-tiny"] }).wait_ms).toBe(20_000);
    const bad = LeaseRequest.safeParse({ runner_id: "r1", models: [], wait_ms: 60_000 });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(
        toFieldErrors(bad.error)
          .map((e) => e.field)
          .sort(),
      ).toEqual(["models", "wait_ms"]);
  });

  it("leases one job unless a batch is asked for, and bounds the batch", () => {
    expect(LeaseRequest.parse({ runner_id: "r1", models: ["shape-world-tiny"] }).max_jobs).toBe(1);
    expect(LeaseRequest.parse({ runner_id: "r1", models: ["shape-world-tiny"], max_jobs: 64 }).max_jobs).toBe(64);
    for (const max_jobs of [0, 65, 1.5]) {
      const bad = LeaseRequest.safeParse({ runner_id: "r1", models: ["shape-world-tiny"], max_jobs });
      expect(bad.success).toBe(false);
      if (!bad.success) expect(toFieldErrors(bad.error).map((e) => e.field)).toEqual(["max_jobs"]);
    }
  });

  it("rejects a heartbeat with an unknown stage", () => {
    const bad = HeartbeatRequest.safeParse({
      lease_id: "lse_12345678",
      progress: { stage: "dreaming", step: 1, total_steps: 2 },
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(toFieldErrors(bad.error)[0]?.field).toBe("progress.stage");
  });

  it("requires checksummed outputs on complete", () => {
    const bad = CompleteRequest.safeParse({
      lease_id: "lse_12345678",
      seed: 1,
      outputs: [{ variant: "mp4", key: "t/v/video.mp4", bytes: 10, sha256: "nothex", content_type: "video/mp4" }],
    });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(toFieldErrors(bad.error)).toContainEqual(
        expect.objectContaining({ field: "outputs.0.sha256", message: expect.stringContaining("64 lowercase hex") }),
      );
  });

  it("treats a fail as a real failure unless the runner says it released the job, which must be retryable", () => {
    const fail = { lease_id: "lse_12345678", code: "oom", message: "boom", retryable: true };
    expect(FailRequest.parse(fail).released).toBe(false);
    const bad = FailRequest.safeParse({ ...fail, code: "runner_shutdown", retryable: false, released: true });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(toFieldErrors(bad.error)).toEqual([
        expect.objectContaining({ field: "retryable", message: expect.stringContaining("got false") }),
      ]);
  });
});
