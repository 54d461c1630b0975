import type { Model, ModelList, Problem, VideoList } from "@sketchreel/contract";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_ID, MODELS } from "../src/models.js";
import { call, createKey, json } from "./helpers.js";

/** The shipped package's model_index.json, as the generated catalog holds it. */
const SHIPPED = MODELS[DEFAULT_MODEL_ID]!;

const EXAMPLE_1 =
  "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.";

describe("GET /v1/models", () => {
  it("lists the served models from their model_index.json: sizes, frames, durations, steps, guidance, vocabulary, examples", async () => {
    const key = await createKey({ scopes: ["videos:read"] });
    const res = await call("/v1/models", { headers: key.auth });
    expect(res.status).toBe(200);
    const list = (await res.json()) as ModelList;
    expect(list.object).toBe("list");
    expect(list.data.map((m) => m.id)).toEqual(["shape-world-tiny"]);
    const [tiny] = list.data;
    // gpu-runner/models/shape-world-tiny/model_index.json (world v2): DESIGN.md's four sizes, 1-4 s at 8 fps.
    expect(tiny).toMatchObject({
      object: "model",
      id: "shape-world-tiny",
      version: SHIPPED.model_version,
      default: true,
      sizes: [
        { width: 64, height: 64 },
        { width: 128, height: 128 },
        { width: 256, height: 256 },
        { width: 256, height: 144 },
      ],
      frame_counts: [8, 16, 24, 32],
      durations: [1, 2, 3, 4],
      fps: 8,
      steps: { min: 1, max: 100, default: 20 },
      guidance_scale: { min: 1, max: 20, default: 2 },
      vocabulary: { closed: true, max_objects: 6, max_tokens: SHIPPED.vocabulary?.max_tokens },
    });
    expect(tiny?.description).toContain("shape-world");
    expect(tiny?.examples[0]).toBe(EXAMPLE_1);
    expect(tiny?.vocabulary?.roles.colors).toEqual(["red", "green", "blue", "yellow", "purple", "orange", "white"]);
    expect(tiny?.vocabulary?.roles.relations).toContain("to the left of");
    expect(tiny?.vocabulary?.roles).toMatchObject({
      counts: ["two", "three", "four", "five"],
      formations: ["row", "column", "circle"],
    });
  });

  it("gets one model by id; an unknown id is a 404 naming the served ones", async () => {
    const key = await createKey({ scopes: ["videos:read"] });
    const list = (await (await call("/v1/models", { headers: key.auth })).json()) as ModelList;
    const one = await call("/v1/models/shape-world-tiny", { headers: key.auth });
    expect(one.status).toBe(200);
    expect((await one.json()) as Model).toEqual(list.data[0]);

    const missing = await call("/v1/models/wan2.2-ti2v-5b", { headers: key.auth });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect((await missing.json()) as Problem).toMatchObject({
      code: "not_found",
      detail: "no model wan2.2-ti2v-5b; the served models are shape-world-tiny",
    });
    expect((await call("/v1/models/Not_An_Id", { headers: key.auth })).status).toBe(422);
  });

  it("needs an API key, like the other /v1 reads", async () => {
    expect((await call("/v1/models")).status).toBe(401);
    expect((await call("/v1/models/shape-world-tiny")).status).toBe(401);
  });
});

describe("the vocabulary gate on POST /v1/videos", () => {
  type VocabularyProblem = Problem & {
    errors: {
      field: string;
      rule: string;
      word: string;
      span: { start: number; end: number };
      suggestions: string[];
    }[];
  };

  it("refuses a prompt the model cannot draw with 422 prompt_out_of_vocabulary, queuing nothing", async () => {
    const key = await createKey();
    const res = await json("POST", "/v1/videos", { prompt: "a cat jumps over a dog", seed: 3 }, key.auth);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as VocabularyProblem;
    expect(body).toMatchObject({ code: "prompt_out_of_vocabulary", status: 422 });
    expect(body.detail).toMatch(/^model shape-world-tiny cannot draw this prompt: "cat" is not a word the model knows/);
    expect(
      body.errors.map(({ field, rule, word, span, suggestions }) => ({ field, rule, word, span, suggestions })),
    ).toEqual([
      { field: "prompt", rule: "unknown_word", word: "cat", span: { start: 2, end: 5 }, suggestions: [] },
      { field: "prompt", rule: "unknown_word", word: "jumps", span: { start: 6, end: 11 }, suggestions: ["moves"] },
      { field: "prompt", rule: "unknown_word", word: "over", span: { start: 12, end: 16 }, suggestions: ["above"] },
      { field: "prompt", rule: "unknown_word", word: "dog", span: { start: 19, end: 22 }, suggestions: ["dot"] },
    ]);
    // Nothing was queued, charged or cached: the same seeded request is refused again, and the list is empty.
    const again = await json("POST", "/v1/videos", { prompt: "a cat jumps over a dog", seed: 3 }, key.auth);
    expect(again.status).toBe(422);
    const list = (await (await call("/v1/videos", { headers: key.auth })).json()) as VideoList;
    expect(list.data).toEqual([]);
  });

  it("names too many objects and too many tokens", async () => {
    const key = await createKey();
    const seven = await json(
      "POST",
      "/v1/videos",
      { prompt: "five red balls stay at the top and two blue balls dance" },
      key.auth,
    );
    const errors = ((await seven.json()) as VocabularyProblem).errors;
    expect(errors.map((e) => [e.rule, e.word])).toEqual([
      ["too_many_objects", "balls"],
      ["unknown_word", "dance"],
    ]);
    // 52 tokens; the model reads 48, so the cut falls on the "of" after "bottom edge".
    const long = `${EXAMPLE_1.slice(0, -1)} side of the screen, and three red balls in a row fall from the top edge of the screen to the bottom edge of the screen.`;
    const cut = await json("POST", "/v1/videos", { prompt: long }, key.auth);
    expect(((await cut.json()) as VocabularyProblem).errors).toMatchObject([
      { rule: "too_many_tokens", word: "of", span: { start: 223, end: 237 } },
    ]);
  });

  it("checks safety first, and admits every example prompt of the model", async () => {
    const key = await createKey();
    const unsafe = await json("POST", "/v1/videos", { prompt: "a g0ry cat falls" }, key.auth);
    expect(((await unsafe.json()) as Problem).code).toBe("content_policy");
    const tiny = (await (await call("/v1/models/shape-world-tiny", { headers: key.auth })).json()) as Model;
    for (const prompt of tiny.examples) {
      const res = await json("POST", "/v1/videos", { prompt, outputs: ["poster"] }, key.auth);
      expect(res.status, prompt).toBe(202);
    }
  });

  it("lints with the same gate: the refusals come back as error issues", async () => {
    const key = await createKey({ scopes: ["videos:read"] });
    const res = await json("POST", "/v1/prompts/lint", { prompt: "a cat jumps over a dog" }, key.auth);
    const lint = (await res.json()) as { ok: boolean; issues: { code: string; severity: string; span: unknown }[] };
    expect(lint.ok).toBe(false);
    expect(lint.issues.filter((i) => i.severity === "error").map((i) => i.span)).toEqual([
      { start: 2, end: 5 },
      { start: 6, end: 11 },
      { start: 12, end: 16 },
      { start: 19, end: 22 },
    ]);
  });
});
