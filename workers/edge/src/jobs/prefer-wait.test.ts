import type { JobState } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { preferredWaitS, waitForTerminal } from "./prefer-wait.js";

describe("preferredWaitS", () => {
  it("reads `wait=N` among other preferences, clamped to 60 s", () => {
    expect(preferredWaitS("wait=5")).toBe(5);
    expect(preferredWaitS("respond-async, wait=10")).toBe(10);
    expect(preferredWaitS('Wait = "12"; foo=bar')).toBe(12);
    expect(preferredWaitS("wait=0")).toBe(0);
    expect(preferredWaitS("wait=600")).toBe(60);
    expect(preferredWaitS("wait=99999999999999999999")).toBe(60);
    expect(preferredWaitS("wait")).toBe(60);
  });

  it("ignores what it cannot read: nothing, other preferences, malformed values (first `wait` wins)", () => {
    expect(preferredWaitS(undefined)).toBeNull();
    expect(preferredWaitS("")).toBeNull();
    expect(preferredWaitS("return=minimal")).toBeNull();
    expect(preferredWaitS("waiting=5")).toBeNull();
    for (const bad of ["wait=-1", "wait=1.5", "wait=soon", "wait="]) expect(preferredWaitS(bad), bad).toBeNull();
    expect(preferredWaitS("wait=3, wait=9")).toBe(3);
  });
});

describe("waitForTerminal", () => {
  type Job = { status: JobState; version: number };
  /** A watch over a scripted list of states, each arriving `stepMs` after the last. */
  const scripted = (states: Job[], stepMs: number) => {
    const calls: number[] = [];
    const watch = async (since: number, waitMs: number): Promise<Job | null> => {
      calls.push(waitMs);
      const next = states.find((s) => s.version > since);
      if (!next || stepMs > waitMs) {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        return states.find((s) => s.version === since) ?? null;
      }
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      return next;
    };
    return { watch, calls };
  };

  it("follows a job through its changes to the terminal state", async () => {
    const { watch } = scripted(
      [
        { status: "queued", version: 1 },
        { status: "running", version: 2 },
        { status: "running", version: 3 },
        { status: "succeeded", version: 4 },
      ],
      5,
    );
    expect(await waitForTerminal({ status: "queued", version: 1 }, 2, watch)).toEqual({
      status: "succeeded",
      version: 4,
    });
  });

  it("gives up at the deadline with the last state seen, and never watches a finished job", async () => {
    const { watch } = scripted([{ status: "queued", version: 1 }], 5);
    const started = Date.now();
    expect(await waitForTerminal({ status: "queued", version: 1 }, 0.2, watch)).toEqual({
      status: "queued",
      version: 1,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(1_000);
    const finished = scripted([], 5);
    expect(await waitForTerminal({ status: "failed", version: 9 }, 5, finished.watch)).toEqual({
      status: "failed",
      version: 9,
    });
    expect(finished.calls).toEqual([]);
  });
});
