import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

describe("createLogger", () => {
  it("writes one JSON object per line with context, filtered by level", () => {
    const lines: string[] = [];
    const log = createLogger({
      level: "info",
      write: (l) => lines.push(l),
      now: () => new Date(0),
      base: { runner_id: "r1" },
    });
    log.debug("hidden");
    log.child({ job_id: "vid_1" }).warn("slow upload", { error: new TypeError("fetch failed") });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "warn",
      msg: "slow upload",
      runner_id: "r1",
      job_id: "vid_1",
      error: { name: "TypeError", message: "fetch failed" },
    });
  });
});
