import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { defaultSuitePath, parseEvalArgs } from "./options.js";

describe("parseEvalArgs", () => {
  it("fills the documented defaults", () => {
    expect(parseEvalArgs([])).toEqual({
      suitePath: defaultSuitePath(),
      seeds: [1, 2, 3],
      outDir: ".sketchreel/eval",
      json: false,
      groundTruth: false,
    });
    expect(defaultSuitePath()).toMatch(/packages\/shape-world\/suites\/v2-test\.json$/);
  });

  it("reads every flag", () => {
    const argv = [
      "--suite",
      "s.json",
      "--seeds",
      "4, 5,4",
      "--model",
      "m",
      "--steps",
      "7",
      "--guidance",
      "2.5",
      "--limit",
      "3",
      "--out",
      "o",
      "--json",
    ];
    expect(parseEvalArgs(argv)).toEqual({
      suitePath: "s.json",
      seeds: [4, 5],
      modelDir: "m",
      steps: 7,
      guidance: 2.5,
      limit: 3,
      outDir: "o",
      json: true,
      groundTruth: false,
    });
    expect(parseEvalArgs(["--ground-truth"]).groundTruth).toBe(true);
    expect(parseEvalArgs(["--prompt", "A red ball falls", "--prompt", "A dot rises"]).prompts).toEqual([
      "A red ball falls",
      "A dot rises",
    ]);
  });

  it.each([
    [["--seeds", "1,x"], /--seeds must be comma-separated integers .* "1,x"/],
    [["--seeds=-1"], /--seeds must be/],
    [["--steps", "0"], /--steps must be an integer ≥ 1 but is "0"/],
    [["--steps", "2.5"], /--steps must be an integer/],
    [["--limit", "many"], /--limit must be an integer/],
    [["--guidance=-1"], /--guidance must be a number ≥ 0/],
    [["--frobnicate"], /unknown option '--frobnicate'/],
    [["a prompt"], /too many arguments/],
    [["--ground-truth", "--model", "m"], /--ground-truth and --model exclude each other/],
    [["--prompt", "A red ball falls", "--suite", "s.json"], /--prompt and --suite exclude each other/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseEvalArgs(argv)).toThrow(UsageError);
    expect(() => parseEvalArgs(argv)).toThrow(message);
  });
});
