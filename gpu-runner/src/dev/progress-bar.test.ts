import { describe, expect, it } from "vitest";
import { createProgressBar } from "./progress-bar.js";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe("progress bar", () => {
  it("redraws one line on a TTY with steps while denoising", () => {
    const { chunks, out } = stream(true);
    const bar = createProgressBar(out);
    bar.update({ stage: "denoise", percent: 50, step: 10, total_steps: 20 }, "running");
    bar.done();
    expect(chunks[0]).toBe(`\r[${"█".repeat(15)}${"░".repeat(15)}]  50% running · denoise 10/20`);
    expect(chunks.at(-1)).toBe("\n");
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
