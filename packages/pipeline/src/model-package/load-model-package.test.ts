import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TINY_MODEL_DIR } from "../../test/helpers/reference.js";
import { ModelPackageError } from "../errors.js";
import { loadModelPackage } from "./load-model-package.js";

describe("loadModelPackage", () => {
  it("reads every config of a FORMAT.md package", async () => {
    const pkg = await loadModelPackage(TINY_MODEL_DIR);
    expect(pkg.index).toMatchObject({ model_id: "tiny-random", format_version: 1, latent: { channels: 4 } });
    expect(pkg.textEncoder.max_length).toBe(16);
    expect(pkg.scheduler).toMatchObject({ flow_shift: 3, solver_order: 2, solver_type: "bh2" });
    expect(pkg.vaeDecoder.latents_std).toHaveLength(4);
    expect(pkg.graphs.transformer).toBe(join(TINY_MODEL_DIR, "transformer/model.onnx"));
  });

  describe("a broken copy", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "sketchreel-pkg-"));
      await cp(TINY_MODEL_DIR, dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    async function edit(file: string, change: (json: Record<string, unknown>) => void) {
      const json = JSON.parse(await readFile(join(dir, file), "utf8"));
      change(json);
      await writeFile(join(dir, file), JSON.stringify(json));
    }
    const failure = () =>
      loadModelPackage(dir).then(
        () => {
          throw new Error("expected the package to be rejected");
        },
        (e: unknown) => e as ModelPackageError,
      );

    it("names a missing graph file", async () => {
      await rm(join(dir, "vae_decoder/model.onnx"));
      const error = await failure();
      expect(error).toBeInstanceOf(ModelPackageError);
      expect(error).toMatchObject({ file: "vae_decoder/model.onnx" });
      expect(error.message).toMatch(/^vae_decoder\/model.onnx: is missing in /);
    });

    it("names the file and field of a bad value", async () => {
      await edit("model_index.json", (j) => {
        (j.latent as Record<string, unknown>).channels = "four";
      });
      expect(await failure()).toMatchObject({ file: "model_index.json", field: "latent.channels" });
    });

    it("needs grid_short_side under the grid latent rule", async () => {
      await edit("model_index.json", (j) => {
        (j.latent as Record<string, unknown>).spatial_rule = "grid";
      });
      expect((await failure()).message).toBe(
        'model_index.json (latent.grid_short_side): grid_short_side (an integer ≥ 1) is required when spatial_rule is "grid"',
      );
    });

    it("checks latents_mean against the latent channel count", async () => {
      await edit("vae_decoder/config.json", (j) => {
        j.latents_mean = [0, 0];
      });
      const error = await failure();
      expect(error.message).toBe("vae_decoder/config.json (latents_mean): has 2 values, latent.channels is 4");
    });

    it("refuses a scheduler that is not flow prediction", async () => {
      await edit("scheduler/scheduler_config.json", (j) => {
        j.prediction_type = "epsilon";
      });
      expect((await failure()).message).toMatch(
        /scheduler_config.json \(prediction_type\): prediction_type must be flow_prediction/,
      );
    });

    it("loads a closed vocabulary whose words the tokenizer knows", async () => {
      const vocabulary = { closed: true, max_tokens: 16, roles: { shapes: ["ball"], relations: ["to the left of"] } };
      await edit("model_index.json", (j) => {
        j.vocabulary = vocabulary;
        j.examples = ["a ball"];
      });
      expect((await loadModelPackage(dir)).index.vocabulary).toMatchObject(vocabulary);
    });

    it("refuses a closed vocabulary without an example prompt (the runner's warm-up needs one)", async () => {
      await edit("model_index.json", (j) => {
        j.vocabulary = { closed: true, roles: { shapes: ["ball"] } };
      });
      expect((await failure()).message).toMatch(/^model_index.json \(examples\): must list at least one prompt/);
    });

    it("refuses a closed vocabulary naming words its tokenizer maps to <unk>", async () => {
      await edit("model_index.json", (j) => {
        j.vocabulary = { closed: true, roles: { shapes: ["ball", "star"], colors: ["pink", "red"] } };
        j.examples = ["a ball"];
      });
      expect((await failure()).message).toBe(
        "model_index.json (vocabulary): names words the tokenizer does not know: star, pink",
      );
    });

    it("refuses a closed vocabulary allowing more tokens than the text encoder reads", async () => {
      await edit("model_index.json", (j) => {
        j.vocabulary = { closed: true, max_tokens: 32, roles: { shapes: ["ball"] } };
        j.examples = ["a ball"];
      });
      expect((await failure()).message).toBe(
        "model_index.json (vocabulary.max_tokens): is 32, more than the text encoder's max_length (16)",
      );
    });

    it("reports invalid JSON with the file name", async () => {
      await writeFile(join(dir, "text_encoder/config.json"), "{ nope");
      expect((await failure()).message).toMatch(/^text_encoder\/config.json: is not valid JSON/);
    });
  });
});
