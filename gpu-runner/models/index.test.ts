import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMBEDDED_MODEL_DIR, EMBEDDED_MODEL_ID, modelDir, SERVED_MODEL_IDS } from "./index.js";

describe("served model packages", () => {
  it.each(SERVED_MODEL_IDS)("%s is a complete package under its own id", (id) => {
    const dir = modelDir(id);
    const index = JSON.parse(readFileSync(join(dir, "model_index.json"), "utf8")) as {
      model_id: string;
      components: Record<string, string>;
    };
    expect(index.model_id).toBe(id);
    for (const [name, folder] of Object.entries(index.components)) {
      const files =
        name === "tokenizer"
          ? ["tokenizer.json"]
          : name === "scheduler"
            ? ["scheduler_config.json"]
            : ["model.onnx", "config.json"];
      for (const file of files) expect(existsSync(join(dir, folder, file)), `${id}/${folder}/${file}`).toBe(true);
    }
  });

  it("serves the embedded model", () => {
    expect(SERVED_MODEL_IDS).toContain(EMBEDDED_MODEL_ID);
    expect(EMBEDDED_MODEL_DIR).toBe(modelDir(EMBEDDED_MODEL_ID));
  });
});
