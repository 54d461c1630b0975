import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Every metric the runner exports at `/metrics`, on a private registry (no global state). */
export function createRunnerMetrics(labels: { runner_id: string; model: string }) {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry, prefix: "sketchreel_runner_" });
  return {
    registry,
    jobs: new Counter({
      name: "sketchreel_runner_jobs_total",
      help: "Jobs finished by this runner, by outcome (succeeded, failed, canceled, lease_lost, released).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "sketchreel_runner_job_duration_seconds",
      help: "Lease to complete/fail, by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    stageDuration: new Histogram({
      name: "sketchreel_runner_stage_duration_seconds",
      help: "Time per pipeline, encode and upload stage.",
      labelNames: ["stage"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    stepsPerSecond: new Gauge({
      name: "sketchreel_runner_denoise_steps_per_second",
      help: "Denoising steps per second of the last finished job.",
      registers: [registry],
    }),
    uploadedBytes: new Counter({
      name: "sketchreel_runner_uploaded_bytes_total",
      help: "Bytes uploaded to object storage, by variant.",
      labelNames: ["variant"] as const,
      registers: [registry],
    }),
    leasePolls: new Counter({
      name: "sketchreel_runner_lease_polls_total",
      help: "Lease long-polls, by result (job, empty, error).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    busy: new Gauge({
      name: "sketchreel_runner_busy",
      help: "1 while a job is running.",
      registers: [registry],
    }),
  };
}

export type RunnerMetrics = ReturnType<typeof createRunnerMetrics>;
