import { describe, expect, it } from "vitest";
import { describeAllowedOrigins, originProblem } from "./allowed-origins.js";

const ALLOWED = ["https://api.example.com", "https://bucket.s3.amazonaws.com"];

describe("the API URL a build allows", () => {
  it("accepts a URL on an allowed origin, whatever its path", () => {
    expect(originProblem("https://api.example.com", ALLOWED)).toBeNull();
    expect(originProblem("https://api.example.com/", ALLOWED)).toBeNull();
  });

  it("refuses another origin, naming it", () => {
    expect(originProblem("https://other.example.com", ALLOWED)).toBe(
      "This build of the plugin cannot reach https://other.example.com: use one of the origins above, or a build that allows it.",
    );
    expect(originProblem("http://api.example.com", ALLOWED)).toMatch(/cannot reach http:\/\/api\.example\.com/);
    expect(originProblem("api.example.com", ALLOWED)).toBe("Enter an http(s) API URL.");
    expect(originProblem("ftp://api.example.com", ALLOWED)).toBe("Enter an http(s) API URL.");
  });

  it("says which origins the build can reach", () => {
    expect(describeAllowedOrigins(ALLOWED)).toMatch(
      /^This build of the plugin can reach https:\/\/api\.example\.com, https/,
    );
  });
});
