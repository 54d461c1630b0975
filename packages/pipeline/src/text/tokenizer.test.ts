import { Tokenizer } from "@huggingface/tokenizers";
import { tokenizeLikeModel } from "@sketchreel/prompts";
import { describe, expect, it } from "vitest";
import { readInt64, referenceCase, TINY_MODEL_DIR } from "../../test/helpers/reference.js";
import { loadModelPackage } from "../model-package/load-model-package.js";
import { TextTokenizer } from "./tokenizer.js";

const pkg = await loadModelPackage(TINY_MODEL_DIR);

describe("TextTokenizer", () => {
  it.each(["euler", "unipc-no-guidance"])("gives the reference's ids for the %s prompts", (name) => {
    const ref = referenceCase(name);
    const ids = readInt64(ref, ref.tensors.input_ids);
    const tokenizer = new TextTokenizer(pkg);
    const L = tokenizer.maxLength;
    expect(Array.from(tokenizer.encode(ref.prompt).inputIds)).toEqual(Array.from(ids.subarray(0, L)));
    expect(Array.from(tokenizer.encode(ref.negative_prompt).inputIds)).toEqual(Array.from(ids.subarray(L, 2 * L)));
  });

  it("pads on the right with an attention mask, and truncates to max_length", () => {
    const tokenizer = new TextTokenizer(pkg);
    const short = tokenizer.encode("a red ball");
    expect(Array.from(short.attentionMask)).toEqual([1, 1, 1, ...Array(13).fill(0)].map(BigInt));
    expect(short.inputIds.slice(3).every((id) => id === 0n)).toBe(true);
    const long = tokenizer.encode(Array(40).fill("ball").join(" "));
    expect(long.inputIds).toHaveLength(16);
    expect(long.attentionMask.every((m) => m === 1n)).toBe(true);
  });

  it("maps unknown words to <unk> rather than failing", () => {
    const tokenizer = new TextTokenizer(pkg);
    expect(tokenizer.encode("zebra").inputIds[0]).toBe(1n);
  });

  // Letters outside ASCII are the one difference: this library's \w is ASCII ("café" → "caf", "é"),
  // Hugging Face's (and the gate's) is Unicode ("café"). Either way the word is unknown to an ASCII
  // vocabulary, so the gate refuses the prompt before the two could disagree on what the model reads.
  it("splits prompts exactly as the vocabulary gate counts them (tokenizeLikeModel)", () => {
    const hf = new Tokenizer(pkg.tokenizer.json, pkg.tokenizer.config);
    const prompts = [
      "A yellow ball rolls from the left edge to the center of the screen, while a blue cube remains stationary on the right.",
      "The Top-left corner, isn't it?! 3 balls... (maybe) x2",
      "tabs\tand — dashes… “quotes” ½",
      "  spaced   out\n\nlines ",
    ];
    for (const prompt of prompts) {
      expect(
        tokenizeLikeModel(prompt).map((t) => t.text),
        prompt,
      ).toEqual(hf.tokenize(prompt));
    }
  });
});
