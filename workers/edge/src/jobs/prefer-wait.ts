import { isTerminal, type JobState, MAX_PREFER_WAIT_S } from "@sketchreel/contract";

/**
 * The `wait` preference of a `Prefer` header (RFC 7240) in seconds, clamped to MAX_PREFER_WAIT_S;
 * `wait` without a value (Replicate's form) means the maximum. Null when there is none, or when the
 * first `wait` is malformed: a preference the server cannot read is ignored, never an error.
 */
export function preferredWaitS(header: string | undefined): number | null {
  for (const preference of header?.split(",") ?? []) {
    const [name = "", ...value] = (preference.split(";")[0] ?? "").split("=");
    if (name.trim().toLowerCase() !== "wait") continue;
    if (value.length === 0) return MAX_PREFER_WAIT_S;
    const seconds = value
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    return /^\d+$/.test(seconds) ? Math.min(Number(seconds), MAX_PREFER_WAIT_S) : null;
  }
  return null;
}

/** Waits until a job changes past `sinceVersion` or `waitMs` pass: the JobQueue's `watch` (SSE uses it too). */
export type WatchJob<J> = (sinceVersion: number, waitMs: number) => Promise<J | null>;

/**
 * Follow `job` until it reaches a terminal state or `waitS` seconds pass, and return the last state
 * seen (the job as given if it vanished meanwhile, e.g. deleted).
 */
export async function waitForTerminal<J extends { status: JobState; version: number }>(
  job: J,
  waitS: number,
  watch: WatchJob<J>,
): Promise<J> {
  const deadline = Date.now() + waitS * 1000;
  let current = job;
  while (!isTerminal(current.status)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const next = await watch(current.version, left);
    if (!next) break;
    current = next;
  }
  return current;
}
