import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { startHealthServer } from "./health-server.js";
import { createRunnerMetrics } from "./metrics.js";

describe("startHealthServer", () => {
  it("answers /healthz with the status (503 while not ok) and /metrics in Prometheus text format", async () => {
    let state = "idle";
    const metrics = createRunnerMetrics({ runner_id: "r1", model: "m" });
    metrics.jobs.inc({ outcome: "succeeded" });
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      registry: metrics.registry,
      status: () => ({ ok: state !== "draining", state }),
    });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const ok = await fetch(`${base}/healthz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true, state: "idle" });

      state = "draining";
      expect((await fetch(`${base}/healthz`)).status).toBe(503);

      const res = await fetch(`${base}/metrics`);
      expect(res.headers.get("content-type")).toBe(new Registry().contentType);
      expect(await res.text()).toContain(
        'sketchreel_runner_jobs_total{outcome="succeeded",runner_id="r1",model="m"} 1',
      );

      expect((await fetch(`${base}/nope`)).status).toBe(404);
      expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
