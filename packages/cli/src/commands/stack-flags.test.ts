import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { intFlag, parseStackFlags } from "./stack-flags.js";

describe("stack flags", () => {
  it("parses the flags sketchreel dev documents", () => {
    expect(parseStackFlags(["--port", "9000", "--runners", "2", "--state", "st", "--model", "m"])).toEqual({
      port: "9000",
      runners: "2",
      state: "st",
      model: "m",
    });
  });

  it("names the flag and the rule for a bad value", () => {
    expect(() => intFlag("runners", "two", 1, 0, 64)).toThrow('--runners must be an integer from 0 to 64 (got "two")');
    expect(() => intFlag("port", "70000", 8787, 1, 65535)).toThrow(UsageError);
    expect(intFlag("port", undefined, 8787, 1, 65535)).toBe(8787);
  });

  it("refuses unknown flags and positionals as usage errors", () => {
    expect(() => parseStackFlags(["--prot", "1"])).toThrow(UsageError);
    expect(() => parseStackFlags(["extra"])).toThrow(UsageError);
  });
});
