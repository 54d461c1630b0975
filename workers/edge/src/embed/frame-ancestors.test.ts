import { describe, expect, it } from "vitest";
import { DEFAULT_FRAME_ANCESTORS, parseFrameAncestors } from "./frame-ancestors.js";

describe("parseFrameAncestors", () => {
  it("defaults to Notion (and this origin) when unset or empty", () => {
    expect(parseFrameAncestors(undefined, true)).toBe(DEFAULT_FRAME_ANCESTORS);
    expect(parseFrameAncestors("  ", true)).toBe(DEFAULT_FRAME_ANCESTORS);
    expect(DEFAULT_FRAME_ANCESTORS).toContain("https://www.notion.so");
  });

  it("accepts 'self', origins with ports and subdomain wildcards, or 'none' alone", () => {
    expect(parseFrameAncestors("'self'  https://Wiki.Example.com https://*.example.org:8443", true)).toBe(
      "'self' https://wiki.example.com https://*.example.org:8443",
    );
    expect(parseFrameAncestors("'none'", true)).toBe("'none'");
    expect(parseFrameAncestors("http://127.0.0.1:5173", false)).toBe("http://127.0.0.1:5173");
  });

  it("refuses anything wider or vaguer than a named origin, naming the source", () => {
    for (const bad of [
      "*",
      "https:",
      "https://*",
      "*.notion.so",
      "https://notion.so/path",
      "https://a.*.notion.so",
      "'unsafe-inline'",
      "'none' https://www.notion.so",
      "javascript://x",
      "https://exa mple.com",
    ]) {
      expect(() => parseFrameAncestors(bad, true), bad).toThrow(/FRAME_ANCESTORS must/);
    }
    expect(() => parseFrameAncestors("http://wiki.example.com", true)).toThrow(/https origins in production/);
  });
});
