import { describe, expect, it } from "vitest";
import { problem, scriptedFetch } from "../test/scripted-fetch.js";
import { PromptOutOfVocabularyError, Sketchreel, UnprocessableEntityError } from "./index.js";

const BASE_URL = "http://api.test";

describe("errors", () => {
  it("raises PromptOutOfVocabularyError, a 422, naming each word, its place and the nearest known words", async () => {
    const errors = [
      {
        field: "prompt",
        rule: "unknown_word",
        message: '"cat" …',
        word: "cat",
        span: { start: 2, end: 5 },
        suggestions: [],
      },
      {
        field: "prompt",
        rule: "unknown_word",
        message: '"jumps" …',
        word: "jumps",
        span: { start: 6, end: 11 },
        suggestions: ["moves"],
      },
    ];
    const { fetch, requests } = scriptedFetch([
      () => problem(422, "prompt_out_of_vocabulary", { errors }),
      () => problem(422, "validation_failed", { errors: [{ field: "width", rule: "maximum", message: "…" }] }),
    ]);
    const client = new Sketchreel({ apiKey: "k", baseUrl: BASE_URL, fetch });
    const refused = await client.videos.create({ prompt: "a cat jumps" }).catch((e) => e);
    expect(refused).toBeInstanceOf(PromptOutOfVocabularyError);
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect(refused).toMatchObject({
      status: 422,
      code: "prompt_out_of_vocabulary",
      name: "PromptOutOfVocabularyError",
    });
    expect(refused.vocabularyErrors.map((e: { word: string }) => e.word)).toEqual(["cat", "jumps"]);
    expect(refused.vocabularyErrors[1].suggestions).toEqual(["moves"]);

    const invalid = await client.videos.create({ prompt: "a red ball", width: 4096 }).catch((e) => e);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid).not.toBeInstanceOf(PromptOutOfVocabularyError);
    expect(requests).toHaveLength(2); // a 422 is never retried
  });
});
