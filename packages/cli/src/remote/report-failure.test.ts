import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  type Problem,
  PromptOutOfVocabularyError,
  RateLimitError,
  type Video,
  VideoNotSucceededError,
} from "@sketchreel/sdk";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { toRemoteFailure } from "./report-failure.js";

const problem = (status: number, code: Problem["code"], detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: `https://sketchreel.dev/problems/${code}`,
  title: code,
  status,
  detail,
  code,
  request_id: "req_1",
  ...extra,
});

describe("remote command failures", () => {
  it("exits 2 for what the user's input made wrong, with the API's detail and request id", () => {
    const words = [
      {
        field: "prompt",
        rule: "unknown_word",
        message: '"cat" is not a word the model knows',
        word: "cat",
        span: { start: 2, end: 5 },
        suggestions: ["dot"],
      },
    ];
    const refused = new PromptOutOfVocabularyError(
      422,
      problem(422, "prompt_out_of_vocabulary", "the model cannot draw this prompt", { errors: words }),
      new Headers(),
    );
    expect(toRemoteFailure(refused)).toEqual({
      exitCode: 2,
      status: 422,
      code: "prompt_out_of_vocabulary",
      message: "the model cannot draw this prompt",
      request_id: "req_1",
      errors: words,
    });
    const missing = new NotFoundError(404, problem(404, "not_found", "no video vid_x"), new Headers());
    expect(toRemoteFailure(missing)).toMatchObject({ exitCode: 2, message: "no video vid_x", request_id: "req_1" });
    expect(toRemoteFailure(new ConfigError(["SKETCHREEL_API_KEY: required"])).exitCode).toBe(2);
  });

  it("exits 1 for the rest: auth, conflicts, rate limits, the network, a video that failed or is still running", () => {
    const headers = new Headers({ "x-request-id": "req_2" });
    expect(
      toRemoteFailure(new AuthenticationError(401, problem(401, "unauthorized", "bad key"), headers)).exitCode,
    ).toBe(1);
    expect(
      toRemoteFailure(new ConflictError(409, problem(409, "conflict", "video is running: cancel it first"), headers)),
    ).toMatchObject({ exitCode: 1, code: "conflict" });
    expect(toRemoteFailure(new RateLimitError(429, undefined, headers, "HTTP 429")).exitCode).toBe(1);
    const refused = new APIConnectionError("Connection error: fetch failed", {
      cause: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
    });
    expect(toRemoteFailure(refused, false, "http://127.0.0.1:9")).toEqual({
      exitCode: 1,
      code: "connection_error",
      message: "cannot reach the API at http://127.0.0.1:9: ECONNREFUSED",
    });
    const failed = new VideoNotSucceededError({
      id: "vid_f",
      status: "failed",
      error: { code: "generation_failed", message: "NaN latents", retryable: false },
    } as Video);
    expect(toRemoteFailure(failed)).toMatchObject({ exitCode: 1, code: "video_failed", video_id: "vid_f" });
    const late = toRemoteFailure(new APITimeoutError("late", { videoId: "vid_slow" }));
    expect(late).toMatchObject({ exitCode: 1, code: "timeout", video_id: "vid_slow" });
    expect(late.message).toContain("sketchreel videos get vid_slow --wait");
    expect(toRemoteFailure(new Error("x"), true)).toMatchObject({ exitCode: 130 });
  });
});
