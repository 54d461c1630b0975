import shipped from "@sketchreel/models/shape-world-tiny/model_index.json";
import type { CreateVideoParams, Video } from "@sketchreel/sdk";

/** The vocabulary's singular shape words: "balls" and "boxes" are plurals of listed shapes. */
const SINGULAR_SHAPES = shipped.vocabulary.roles.shapes.filter(
  (shape, _, all) => !all.includes(shape.slice(0, -1)) && !all.includes(shape.slice(0, -2)),
);

/**
 * The i-th of many distinct prompts the embedded model can draw (its vocabulary gate refuses any
 * other): a colour × (singular) shape × verb of its model_index.json, cycling.
 */
export function distinctPrompt(i: number): string {
  const { colors } = shipped.vocabulary.roles;
  const shapes = SINGULAR_SHAPES;
  const verbs = ["falls", "rises"];
  const color = colors[i % colors.length];
  const shape = shapes[Math.floor(i / colors.length) % shapes.length];
  const verb = verbs[Math.floor(i / (colors.length * shapes.length)) % verbs.length];
  return `a ${color} ${shape} ${verb}`;
}

export interface LoadOptions {
  apiUrl: string;
  apiKey: string;
  submissions: number;
  concurrency: number;
  /** The body of submission i (vary it, or identical seeded bodies would hit the cache). */
  body: (i: number) => CreateVideoParams;
  /** Give up waiting for terminal states after this long. */
  drainTimeoutMs: number;
}

export interface LoadReport {
  accepted: number;
  /** Ids of the accepted videos. */
  ids: string[];
  /** 429 answers seen (each is retried after its Retry-After). */
  throttled: number;
  throttledWithoutRetryAfter: number;
  /**
   * 503s from wrangler's local ProxyWorker ("Your worker restarted mid-request") and dropped
   * connections, retried with the same Idempotency-Key as the SDK does. Counted so they stay visible.
   */
  retriedTransient: number;
  /** Other non-2xx answers, by status. */
  errors: Record<string, number>;
  /** The first few of those answers: status, request id, body. */
  errorSamples: string[];
  /** Latency of each POST answer, ms (throttled ones included). */
  submitLatencyMs: number[];
  /** created_at → completed_at of each finished job, ms. */
  jobLatencyMs: number[];
  terminal: Record<string, number>;
  /** Accepted jobs that were not terminal when the drain timed out. */
  unfinished: string[];
  wallSeconds: number;
  /** Finished jobs per second, first submission to last completion. */
  jobsPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submits `submissions` videos with `concurrency` clients in flight (raw fetch, so every 429 is
 * seen: each must carry Retry-After, and the client waits that long before retrying), then waits
 * until every accepted job is terminal and reads its timings back.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const headers = { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" };
  const ids: string[] = [];
  const report: LoadReport = {
    accepted: 0,
    ids,
    throttled: 0,
    throttledWithoutRetryAfter: 0,
    retriedTransient: 0,
    errors: {},
    errorSamples: [],
    submitLatencyMs: [],
    jobLatencyMs: [],
    terminal: {},
    unfinished: [],
    wallSeconds: 0,
    jobsPerSecond: 0,
  };
  const started = performance.now();
  const runId = Date.now().toString(36);
  let next = 0;
  async function client() {
    while (next < options.submissions) {
      const i = next++;
      const idempotencyKey = `load-${runId}-${i}`;
      for (;;) {
        const t0 = performance.now();
        let res: Response;
        try {
          res = await fetch(`${options.apiUrl}/v1/videos`, {
            method: "POST",
            headers: { ...headers, "idempotency-key": idempotencyKey },
            body: JSON.stringify(options.body(i)),
          });
        } catch {
          report.retriedTransient++;
          await sleep(100);
          continue;
        }
        report.submitLatencyMs.push(performance.now() - t0);
        if (res.status === 202 || res.status === 200) {
          ids.push(((await res.json()) as Video).id);
          report.accepted++;
          break;
        }
        if (res.status === 503 && report.retriedTransient < options.submissions) {
          report.retriedTransient++;
          await res.body?.cancel();
          await sleep(100);
          continue;
        }
        if (res.status !== 429) {
          report.errors[res.status] = (report.errors[res.status] ?? 0) + 1;
          const sample = `${res.status} ${res.headers.get("x-request-id")} ${(await res.text()).slice(0, 300)}`;
          if (report.errorSamples.length < 5) report.errorSamples.push(sample);
          break;
        }
        await res.body?.cancel();
        report.throttled++;
        const retryAfter = Number(res.headers.get("retry-after"));
        if (!(retryAfter >= 0)) report.throttledWithoutRetryAfter++;
        await sleep((retryAfter >= 0 ? retryAfter : 1) * 1000);
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client));

  const pending = new Set(ids);
  const deadline = Date.now() + options.drainTimeoutMs;
  const finished: Video[] = [];
  while (pending.size > 0 && Date.now() < deadline) {
    for (const status of ["succeeded", "failed", "canceled"] as const) {
      let cursor: string | null = null;
      do {
        const query = `status=${status}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const res = await fetch(`${options.apiUrl}/v1/videos?${query}`, { headers });
        if (!res.ok) throw new Error(`list: HTTP ${res.status} ${await res.text()}`);
        const page = (await res.json()) as { data: Video[]; next_cursor: string | null };
        for (const video of page.data) {
          if (pending.delete(video.id)) finished.push(video);
        }
        cursor = page.next_cursor;
      } while (cursor);
    }
    if (pending.size > 0) await sleep(500);
  }
  report.wallSeconds = (performance.now() - started) / 1000;
  for (const video of finished) {
    report.terminal[video.status] = (report.terminal[video.status] ?? 0) + 1;
    if (video.completed_at) report.jobLatencyMs.push(Date.parse(video.completed_at) - Date.parse(video.created_at));
  }
  report.unfinished = [...pending];
  report.jobsPerSecond = finished.length / report.wallSeconds;
  return report;
}

/** The p-th percentile (0-100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
