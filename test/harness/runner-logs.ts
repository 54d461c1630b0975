import type { ManagedChild } from "@sketchreel/dev-stack";

export interface RunnerLogLine {
  runner: string;
  msg: string;
  level: string;
  job_id?: string;
  outcome?: string;
  [field: string]: unknown;
}

type Waiter = { test: (line: RunnerLogLine) => boolean; resolve: (line: RunnerLogLine) => void };

/** Collects the runners' JSON log lines so tests can see which runner did what. */
export class RunnerLogs {
  readonly lines: RunnerLogLine[] = [];
  private waiters: Waiter[] = [];

  follow(runner: ManagedChild) {
    runner.onLine((text) => {
      if (!text.startsWith("{")) return;
      let line: RunnerLogLine;
      try {
        line = { ...(JSON.parse(text) as RunnerLogLine), runner: runner.name };
      } catch {
        return;
      }
      this.lines.push(line);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(line)) return true;
        w.resolve(line);
        return false;
      });
    });
  }

  /** Lines with this message (and job id, when given). */
  find(msg: string, jobId?: string): RunnerLogLine[] {
    return this.lines.filter((l) => l.msg === msg && (jobId === undefined || l.job_id === jobId));
  }

  /** The first line (already seen or still to come) that passes `test`. */
  waitFor(test: (line: RunnerLogLine) => boolean, timeoutMs = 60_000): Promise<RunnerLogLine> {
    const seen = this.lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching runner log line within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }
}
