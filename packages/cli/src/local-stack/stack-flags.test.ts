import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { intFlag } from "./stack-flags.js";

describe("stack flags", () => {
  it("names the flag and the rule for a bad value", () => {
    expect(() => intFlag("runners", "two", 1, 0, 64)).toThrow('--runners must be an integer from 0 to 64 (got "two")');
    expect(() => intFlag("port", "70000", 8787, 1, 65535)).toThrow(UsageError);
    expect(intFlag("port", undefined, 8787, 1, 65535)).toBe(8787);
    expect(intFlag("runners", "2", 1, 0, 64)).toBe(2);
  });
});
