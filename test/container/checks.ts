/** Thrown by `check`: the container test's assertion failure. */
export class CheckFailed extends Error {
  override readonly name = "CheckFailed";
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** Polls `test` every 100 ms until it holds; rejects after `timeoutMs` naming `what` it waited for. */
export async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new CheckFailed(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One JSON log line of a runner, with the time this process received it (`performance.now()`). */
export interface LogLine {
  msg: string;
  receivedAt: number;
  job_id?: string;
  runner_id?: string;
  [field: string]: unknown;
}

/** Follows a process's output and keeps its JSON log lines (the runner logs JSON lines on stderr). */
export function logLines(follow: (listener: (line: string) => void) => void, already: string[]) {
  const lines: LogLine[] = [];
  let waiters: { test: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const add = (text: string) => {
    if (!text.startsWith("{")) return;
    let line: LogLine;
    try {
      line = { ...(JSON.parse(text) as LogLine), receivedAt: performance.now() };
    } catch {
      return;
    }
    lines.push(line);
    waiters = waiters.filter((w) => {
      if (!w.test(line)) return true;
      w.resolve(line);
      return false;
    });
  };
  for (const text of already) add(text);
  follow(add);
  return {
    lines,
    find: (test: (line: LogLine) => boolean) => lines.find(test),
    waitFor(test: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine> {
      const seen = lines.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new CheckFailed(`no ${what} log line within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          test,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}

export type LogLines = ReturnType<typeof logLines>;
