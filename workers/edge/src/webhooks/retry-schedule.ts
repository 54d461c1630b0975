/**
 * When webhook attempts happen: the delay before each attempt, counted from the previous one
 * (the first from the event). Standard Webhooks' suggested schedule spans about 27.6 hours:
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
 */
export const DEFAULT_RETRY_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_ATTEMPTS = 20;
const MAX_DELAY_MS = 7 * UNIT_MS.d;

/**
 * Parse `WEBHOOK_RETRY_SCHEDULE`: comma-separated delays, each a non-negative integer with a unit
 * (`ms`, `s`, `m`, `h`, `d`), or a bare integer of milliseconds. Returns milliseconds per attempt.
 */
export function parseRetrySchedule(raw: string): number[] {
  const parts = raw.split(",").map((part) => part.trim());
  if (parts.length > MAX_ATTEMPTS) throw new Error(`WEBHOOK_RETRY_SCHEDULE: at most ${MAX_ATTEMPTS} attempts`);
  return parts.map((part) => {
    const match = part.match(/^(\d{1,9})(ms|s|m|h|d)?$/);
    if (!match?.[1]) {
      throw new Error(`WEBHOOK_RETRY_SCHEDULE: "${part}" is not a delay such as 0s, 500ms, 5m, 2h (got "${raw}")`);
    }
    const ms = Number(match[1]) * UNIT_MS[(match[2] ?? "ms") as keyof typeof UNIT_MS];
    if (ms > MAX_DELAY_MS) throw new Error(`WEBHOOK_RETRY_SCHEDULE: "${part}" is longer than 7 days`);
    return ms;
  });
}

/**
 * Milliseconds to wait before the next automatic attempt after `attemptsMade` of them, or null
 * when the schedule is spent.
 */
export function nextRetryDelay(schedule: readonly number[], attemptsMade: number): number | null {
  return schedule[attemptsMade] ?? null;
}
