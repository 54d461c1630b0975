import { describe, expect, it } from "vitest";
import { createProgressBar } from "./progress-bar.js";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe("progress bar", () => {
  it("redraws one line on a TTY with the status, stage and steps while denoising", () => {
    const { chunks, out } = stream(true);
    const bar = createProgressBar(out);
    bar.update({ stage: "denoise", percent: 50, step: 10, total_steps: 20 }, "running");
    bar.done();
    expect(chunks[0]).toMatch(
      new RegExp(
        `^\\r\\x1b\\[2K\\[${"█".repeat(15)}${"░".repeat(15)}\\]  50% running · denoise 10/20( [0-9.]+ steps/s)?$`,
      ),
    );
    expect(chunks.at(-1)).toBe("\n");
  });

  it("derives the percent from the denoise step when none is given (sketchreel generate)", () => {
    const { chunks, out } = stream(true);
    const bar = createProgressBar(out);
    bar.update({ stage: "encode_prompt", step: 0, total_steps: 0 });
    bar.update({ stage: "denoise", step: 0, total_steps: 4 });
    bar.update({ stage: "denoise", step: 3, total_steps: 4 });
    expect(chunks[0]).toContain("  0% encode prompt");
    expect(chunks.at(-1)).toMatch(/ 75% denoise 3\/4 [0-9.]+ steps\/s$/);
  });

  it("prints one line per stage change when not a TTY", () => {
    const { chunks, out } = stream(false);
    const bar = createProgressBar(out);
    bar.update({ stage: "denoise", percent: 10, step: 1, total_steps: 20 }, "running");
    bar.update({ stage: "denoise", percent: 20, step: 2, total_steps: 20 }, "running");
    bar.update({ stage: "done", percent: 100, step: 20, total_steps: 20 }, "succeeded");
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toMatch(/100% succeeded · done\n$/);
  });
});
