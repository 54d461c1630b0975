import { describe, expect, it } from "vitest";
import { nextState } from "../durable/webhook-dispatcher.js";
import { DEFAULT_RETRY_SCHEDULE, nextRetryDelay, parseRetrySchedule } from "./retry-schedule.js";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;

describe("the webhook retry schedule", () => {
  it("is Standard Webhooks' schedule by default: 8 attempts over about 27.6 hours", () => {
    const schedule = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE);
    expect(schedule).toEqual([0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H]);
    const span = schedule.reduce((a, b) => a + b, 0);
    expect(span / H).toBeCloseTo(27.585, 3); // 27 h 35 min 5 s
  });

  it("reads units and bare milliseconds", () => {
    expect(parseRetrySchedule("0, 250ms,2s ,1m,1h,1d,40")).toEqual([0, 250, 2 * S, M, H, 24 * H, 40]);
  });

  it.each(["", "5x", "-1s", "1.5s", "soon", "8d", Array(21).fill("1s").join(",")])("refuses %j", (raw) => {
    expect(() => parseRetrySchedule(raw)).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
  });

  it("says how long to wait after each attempt, and null once spent", () => {
    const schedule = [0, 40, 80];
    expect([0, 1, 2, 3].map((n) => nextRetryDelay(schedule, n))).toEqual([0, 40, 80, null]);
  });
});

describe("a message after an attempt (nextState)", () => {
  const pending = { delivered: 0, auto_attempts: 0, next_at: 0, manual_at: null };
  const schedule = [0, 40, 80];

  it("waits for the next delay after an automatic failure, and fails when the schedule is spent", () => {
    expect(nextState(pending, "automatic", false, false, schedule, 1000)).toEqual({
      delivered: 0,
      auto_attempts: 1,
      next_at: 1040,
      manual_at: null,
    });
    const last = { ...pending, auto_attempts: 2 };
    expect(nextState(last, "automatic", false, false, schedule, 1000).next_at).toBeNull();
  });

  it("stops at the first success, and never retries a URL the SSRF guard refuses", () => {
    expect(nextState(pending, "automatic", true, false, schedule, 1000)).toMatchObject({ delivered: 1, next_at: null });
    expect(nextState(pending, "automatic", false, true, schedule, 1000).next_at).toBeNull();
  });

  it("leaves the automatic schedule alone on a manual attempt", () => {
    const waiting = { ...pending, auto_attempts: 1, next_at: 5000, manual_at: 1000 };
    expect(nextState(waiting, "manual", false, false, schedule, 1000)).toEqual({
      delivered: 0,
      auto_attempts: 1,
      next_at: 5000,
      manual_at: null,
    });
    expect(
      nextState({ ...waiting, delivered: 1, next_at: null }, "manual", false, false, schedule, 1000),
    ).toMatchObject({
      delivered: 1,
    });
  });
});
