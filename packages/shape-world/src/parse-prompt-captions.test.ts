import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parsePrompt } from "./parse-prompt.js";
import type { SceneSpec } from "./scene.js";

/** One pair of src/fixtures/python-captions-v2.json.gz (training/scripts/make_captions_fixture.py). */
interface PythonCaption extends SceneSpec {
  seed: number;
  kind: string;
  /** captions2.caption_program's phrasing of the program. */
  caption: string;
}

const loadPythonCaptions = (): PythonCaption[] =>
  JSON.parse(
    gunzipSync(readFileSync(new URL("./fixtures/python-captions-v2.json.gz", import.meta.url))).toString(),
  ) as PythonCaption[];

// Golden: world2.spec_of, the spec the training generator means by each caption it writes.
describe("parsePrompt on the training's v2 captions", () => {
  const pairs = loadPythonCaptions();

  it("has 1000 captions of every kind of scene", () => {
    expect(pairs).toHaveLength(1000);
    expect(new Set(pairs.map((p) => p.kind)).size).toBe(10);
  });

  it.each(pairs.map((p) => [p.caption, p] as const))("%s", (caption, { objects, clauses }) => {
    expect(parsePrompt(caption)).toStrictEqual({ objects, clauses });
  });
});
